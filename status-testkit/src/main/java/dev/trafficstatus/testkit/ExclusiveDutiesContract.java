package dev.trafficstatus.testkit;

import static dev.trafficstatus.testkit.StoreTestData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.spi.store.StatusStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The store contract on {@link StatusStore#runExclusive}: a duty runs in one process at a time
 * (the other gets empty at once), duties of other names do not wait for it, the work may use the
 * store, and a duty whose work failed is free again. Part of {@link StatusStoreContract}, which
 * runs it; the second process runs on a thread of its own, as another process would.
 */
public interface ExclusiveDutiesContract extends StoreUnderTest {

  /** Runs a duty on another thread, as another process would, and waits for what it returned. */
  private static <T> Optional<T> elsewhere(StatusStore store, String duty, Supplier<T> work)
      throws Exception {
    try {
      return CompletableFuture.supplyAsync(() -> store.runExclusive(duty, work))
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException failed) {
      throw new AssertionError("runExclusive failed in the other process", failed.getCause());
    }
  }

  @Test
  default void aDutyRunsInOneProcessAtATimeAndOthersGetEmptyAtOnce() throws Exception {
    StatusStore first = store();
    StatusStore second = another(first);
    first.declareRoutes(List.of(route(HOME, "Home")));

    Optional<List<Object>> seen =
        first.runExclusive(
            "evaluator",
            () -> {
              try {
                return List.of(
                    elsewhere(second, "evaluator", () -> "second ran the evaluator"),
                    elsewhere(second, "sender", () -> "second ran the sender"),
                    first.routes().size());
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });

    assertThat(seen).contains(List.of(Optional.empty(), Optional.of("second ran the sender"), 1));
    assertThat(elsewhere(second, "evaluator", () -> "second's turn")).contains("second's turn");
    assertThat(first.runExclusive("evaluator", () -> "first's turn again"))
        .contains("first's turn again");
  }

  @Test
  default void whatTheWorkThrowsPassesAsItIsAndTheDutyIsFreeAgain() throws Exception {
    StatusStore first = store();
    StatusStore second = another(first);

    assertThatThrownBy(
            () ->
                first.runExclusive(
                    "evaluator",
                    () -> {
                      throw new IllegalStateException("the evaluator broke");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the evaluator broke");

    assertThat(elsewhere(second, "evaluator", () -> "free again")).contains("free again");
  }
}
