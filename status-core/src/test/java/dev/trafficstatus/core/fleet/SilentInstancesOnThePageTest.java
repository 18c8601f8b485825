package dev.trafficstatus.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.core.status.HealthPolicy;
import dev.trafficstatus.core.status.PageSettings;
import dev.trafficstatus.core.status.StatusService;
import dev.trafficstatus.core.testing.InMemoryStore;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.page.IncompleteFigures;
import dev.trafficstatus.testkit.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a page over the core's in-memory store says of the instances writing into it, with the
 * instance reports a process makes ({@link InstanceReporter}) and the default settings (flush
 * interval 1 minute, silent after 2): an instance that stops reporting without a clean stop marks
 * its service incomplete until a process starts again on its host; a clean stop marks nothing.
 */
class SilentInstancesOnThePageTest {

  private static final RouteKey HOME = new RouteKey("shop", "/");

  private final MutableClock clock = MutableClock.at("2026-11-26T10:30:05Z");
  private final InMemoryStore store = new InMemoryStore();
  private final StatusService page =
      new StatusService(
          store,
          PageSettings.defaults("Shop"),
          HealthPolicy.defaults(),
          true,
          InstanceSettings.defaults(Duration.ofMinutes(1)),
          clock,
          System.getLogger(SilentInstancesOnThePageTest.class.getName()));

  private InstanceReporter started(String instance, String host) {
    InstanceReporter reporter =
        new InstanceReporter(store, instance, "shop", host, "1.0.0", clock, System.getLogger("test"));
    reporter.storeStarted();
    reporter.start();
    return reporter;
  }

  /** A minute passes; the instances still running flush (and report) at its end. */
  private void minute(InstanceReporter... running) {
    clock.advance(Duration.ofMinutes(1));
    for (InstanceReporter instance : running) {
      instance.flushed(clock.instant());
    }
  }

  private List<IncompleteFigures> incomplete() {
    page.refresh();
    return page.page(30).incomplete();
  }

  @Test
  void aKilledInstanceMarksItsServiceUntilRestartedAndACleanStopNever() {
    store.declareRoutes(List.of(new RouteDescriptor(HOME, "Home", "", "Web")));
    InstanceReporter killed = started("web-1-a", "host-1");
    InstanceReporter stopped = started("web-2-a", "host-2");
    minute(killed, stopped);
    assertThat(incomplete()).isEmpty();

    minute(stopped);
    assertThat(incomplete()).as("one interval after the kill, not late yet").isEmpty();
    minute(stopped);
    assertThat(incomplete())
        .as("two intervals after its last report")
        .containsExactly(new IncompleteFigures("shop", 1, 2, Duration.ofMinutes(2)));
    assertThat(incomplete().get(0).text())
        .isEqualTo("figures incomplete: 1 of 2 instances has not reported for 2 minutes");

    InstanceReporter restarted = started("web-1-b", "host-1");
    minute(restarted, stopped);
    assertThat(incomplete()).as("a process started again on the killed one's host").isEmpty();

    stopped.stop();
    for (int i = 0; i < 5; i++) {
      minute(restarted);
      assertThat(incomplete()).as("%d minutes after a clean stop", i + 1).isEmpty();
    }
    assertThat(store.instances().orElseThrow().deploys(clock.instant().minus(Duration.ofDays(1)),
            clock.instant()))
        .as("the version's deploy, one per instance started with it")
        .singleElement()
        .satisfies(deploy -> assertThat(deploy.instances()).isEqualTo(3));
  }
}
