package dev.trafficstatus.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficstatus.server.testing.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "instances not reporting" notice with operating-system processes: three instances of the
 * hello-world app (one service) write into one PostgreSQL, each flushing every 2 s, so an instance
 * not heard from for 4 s is silent (the default {@code instances.silentAfter}, two flush
 * intervals), and each page reads its figures again every 5 s ({@code page.refresh}'s least).
 *
 * <p>One instance killed with SIGKILL shows on another's page, JSON and HTML, as "1 of 3 instances
 * has not reported"; a process started again on the same host (the design's sign of a restart:
 * instance ids are new per run) ends it; an instance stopped with SIGTERM never starts it. The
 * waits are liveness bounds, never speed verdicts; the one bounded wait for an absence lasts until
 * the page shows figures read two silence thresholds after the stop.
 */
class SilentInstancesIT {

  private static final String SERVICE = "hello-world";

  /** {@code instances.silentAfter} as configured below: left out, two flush intervals of 2 s. */
  private static final Duration SILENT_AFTER = Duration.ofSeconds(4);

  /** How long a notice may take to appear or go: tens of seconds, a liveness bound. */
  private static final Duration LIVENESS = Duration.ofSeconds(60);

  private static final Pattern NOTICE =
      Pattern.compile("<p class=\"silent-instances\" role=\"status\">([^<]*)</p>");

  @RegisterExtension static final SharedPostgres POSTGRES = new SharedPostgres();

  @TempDir Path workDir;

  @Test
  void aKilledInstanceIsNotReportingUntilRestartedAndAGracefullyStoppedOneNever() throws Exception {
    Path config =
        ExampleApp.editedConfig(
            ExampleApp.shippedConfig(SERVICE),
            workDir.resolve("fleet.yml"),
            Map.of(
                "  page:\n    prefix: /status\n",
                "  page:\n    prefix: /status\n    refresh: 5s\n  flush:\n    interval: 2s\n"));
    try (ExampleApp killed = ExampleApp.start(SERVICE, config, workDir, POSTGRES.env());
        ExampleApp stopped = ExampleApp.start(SERVICE, config, workDir, POSTGRES.env());
        ExampleApp page = ExampleApp.start(SERVICE, config, workDir, POSTGRES.env())) {
      long sent = 0;
      for (ExampleApp instance : List.of(killed, stopped, page)) {
        for (int i = 0; i < 5; i++) {
          assertThat(instance.get("/")).isEqualTo(200);
          sent++;
        }
        instance.flush();
      }
      // The page's sum is the three instances' requests: each of them wrote.
      page.awaitRequests("/", sent);
      JsonNode before = page.page().get("incomplete");
      assertThat(before.size()).as("three instances reporting: %s", before).isZero();

      assertThat(killed.process.kill()).as("SIGKILL").isEqualTo(137);
      long killedAt = System.nanoTime();
      JsonNode notice =
          awaitIncomplete(
              page,
              "1 of 3 instances not reporting",
              incomplete ->
                  incomplete.size() == 1
                      && incomplete.get(0).get("silent").asInt() == 1
                      && incomplete.get(0).get("instances").asInt() == 3)
              .get(0);
      // Printed for RELIABILITY.md, never asserted: a loaded machine stretches it.
      System.out.printf("notice on the page %d ms after the kill%n", millisSince(killedAt));
      assertThat(notice.get("service").asText()).isEqualTo(SERVICE);
      String text = "figures incomplete: 1 of 3 instances has not reported for 1 minute";
      assertThat(notice.get("text").asText()).isEqualTo(text);
      AtomicReference<String> shown = new AtomicReference<>();
      Eventually.await("the HTML page says it too", LIVENESS, () -> {
        Matcher html = NOTICE.matcher(page.html());
        shown.set(html.find() ? html.group(1) : null);
        return shown.get() != null;
      });
      assertThat(shown.get()).contains(SERVICE).endsWith(text);

      try (ExampleApp restarted = ExampleApp.start(SERVICE, config, workDir, POSTGRES.env())) {
        long restartedAt = System.nanoTime();
        awaitIncomplete(page, "no notice once restarted", JsonNode::isEmpty);
        System.out.printf("notice gone %d ms after the restart answered%n", millisSince(restartedAt));
        assertThat(NOTICE.matcher(page.html()).find()).as("no notice in the HTML").isFalse();

        stopped.process.stop();
        Instant stoppedBy = Instant.now();
        Instant silentBy = stoppedBy.plus(SILENT_AFTER.multipliedBy(2));
        // Had the stop not been recorded, the stopped instance would be silent by stoppedBy +
        // SILENT_AFTER (its last report came before the stop), so figures read after twice that
        // would show it. Every page until then must show no notice.
        Eventually.await(
            "figures read " + SILENT_AFTER.multipliedBy(2) + " after the graceful stop",
            LIVENESS,
            () -> {
              JsonNode json = page.page();
              assertThat(json.get("incomplete").size())
                  .as("no notice after a graceful stop, figures as of %s: %s", json.get("asOf"),
                      json.get("incomplete"))
                  .isZero();
              return Instant.parse(json.get("asOf").asText()).isAfter(silentBy);
            });
        assertThat(NOTICE.matcher(page.html()).find()).as("no notice in the HTML").isFalse();
        assertThat(restarted.get("/")).as("the restarted instance serves").isEqualTo(200);
      }
    }
  }

  private static long millisSince(long nanoTime) {
    return Duration.ofNanos(System.nanoTime() - nanoTime).toMillis();
  }

  /** Reads the page's JSON until its {@code incomplete} meets a condition; returns it. */
  private static JsonNode awaitIncomplete(ExampleApp page, String what, Predicate<JsonNode> condition)
      throws Exception {
    AtomicReference<JsonNode> incomplete = new AtomicReference<>();
    try {
      Eventually.await(what, LIVENESS, () -> {
        incomplete.set(page.page().get("incomplete"));
        return condition.test(incomplete.get());
      });
    } catch (AssertionError late) {
      throw new AssertionError(late.getMessage() + "; last incomplete: " + incomplete.get(), late);
    }
    return incomplete.get();
  }
}
