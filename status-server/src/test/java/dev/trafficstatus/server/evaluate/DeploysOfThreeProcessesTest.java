package dev.trafficstatus.server.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.server.plugin.PluginCatalog;
import dev.trafficstatus.server.testing.ConfigParsing;
import dev.trafficstatus.server.testing.PostgresDatabases;
import dev.trafficstatus.server.testing.PostgresExtension;
import dev.trafficstatus.server.wiring.StatusRuntime;
import dev.trafficstatus.spi.Lifecycle;
import dev.trafficstatus.spi.store.Deploy;
import dev.trafficstatus.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 24's deploy markers with three processes on one PostgreSQL, each a whole pipeline as the
 * bundle assembles it: a version the three run one day, then a rolling deploy of the next the day
 * after, one process at a time. Each version is one deploy on its day, counted on three instances,
 * however many processes reported it.
 */
@ExtendWith(PostgresExtension.class)
class DeploysOfThreeProcessesTest {

  private static String database;

  private final MutableClock clock = MutableClock.at("2026-02-28T09:00:00Z");

  @BeforeAll
  static void database(PostgresDatabases databases) {
    database = databases.create();
  }

  /** A process of the shop running a version, started as the bundle starts it. */
  private List<Lifecycle> start(String instance, String version, List<StatusRuntime> runtimes)
      throws Exception {
    String yaml = """
        status:
          service: shop
          instance: %s
          version: "%s"
          captures: []
          page:
            enabled: false
          incidents:
            auto:
              enabled: false
          store:
            type: jdbi
            database:
              url: %s
              user: postgres
        """.formatted(instance, version, database);
    StatusRuntime runtime = StatusRuntime.assemble(
        ConfigParsing.parse(yaml).getStatus(),
        PluginCatalog.discover(DeploysOfThreeProcessesTest.class.getClassLoader(), List.of()),
        "shop", null, null, clock, (service, page) -> (type, notice) -> "{}");
    List<Lifecycle> started = new ArrayList<>();
    for (Lifecycle part : runtime.lifecycles()) {
      part.start();
      started.add(0, part);
    }
    runtime.startedStore(Duration.ofSeconds(60));
    assertThat(runtime.flusher().flushAll().complete()).isTrue();
    runtimes.add(runtime);
    return started;
  }

  private static void stopCleanly(List<Lifecycle> process) throws Exception {
    for (Lifecycle part : process) {
      part.stop();
    }
  }

  @Test
  void eachVersionIsOneDeployOnItsDayCountedOnEveryInstanceThatStartedIt() throws Exception {
    List<StatusRuntime> runtimes = new ArrayList<>();
    List<List<Lifecycle>> day1 = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      day1.add(start("web-" + i, "1.4.1", runtimes));
      clock.advance(Duration.ofMinutes(1));
    }
    clock.advance(Duration.ofHours(3));
    for (List<Lifecycle> process : day1) {
      stopCleanly(process);
    }

    // The next day, a rolling deploy: each process stops and comes back with the new version.
    clock.set(Instant.parse("2026-03-01T10:00:00Z"));
    List<List<Lifecycle>> day2 = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      day2.add(start("web-" + i, "1.4.2", runtimes));
      clock.advance(Duration.ofMinutes(2));
    }
    try {
      List<Deploy> deploys = runtimes.get(runtimes.size() - 1).store().instances().orElseThrow()
          .deploys(Instant.parse("2026-02-28T00:00:00Z"), Instant.parse("2026-03-02T00:00:00Z"));
      assertThat(deploys).extracting(Deploy::version, Deploy::instances).containsExactlyInAnyOrder(
          org.assertj.core.groups.Tuple.tuple("1.4.1", 3), org.assertj.core.groups.Tuple.tuple("1.4.2", 3));
      assertThat(deploys).filteredOn(deploy -> deploy.version().equals("1.4.2"))
          .extracting(Deploy::at).containsExactly(Instant.parse("2026-03-01T10:00:00Z"));
      assertThat(deploys).filteredOn(deploy -> deploy.version().equals("1.4.1"))
          .extracting(Deploy::at).containsExactly(Instant.parse("2026-02-28T09:00:00Z"));
    } finally {
      for (List<Lifecycle> process : day2) {
        stopCleanly(process);
      }
    }
  }
}
