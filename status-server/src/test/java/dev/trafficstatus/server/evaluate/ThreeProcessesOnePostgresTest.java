package dev.trafficstatus.server.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.core.evaluate.EvaluationReport;
import dev.trafficstatus.core.evaluate.Evaluator;
import dev.trafficstatus.server.plugin.PluginCatalog;
import dev.trafficstatus.server.testing.ConfigParsing;
import dev.trafficstatus.server.testing.PostgresDatabases;
import dev.trafficstatus.server.testing.PostgresExtension;
import dev.trafficstatus.server.wiring.StatusRuntime;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notice.NoticeUpdate;
import dev.trafficstatus.spi.notice.StateChange;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.testkit.MutableClock;
import dev.trafficstatus.testkit.Tallies;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16: three processes on one PostgreSQL, each with its own store (its own connection pool)
 * and its own evaluator, wired as the server wires them; one failing route; ten minutes of a
 * simulated clock, the three evaluators running at the same moment each minute. The incident table
 * then holds exactly one automatic incident, with one update per state change; and a recurring
 * maintenance window (issue 17) is announced once and moved once at each edge.
 */
@ExtendWith(PostgresExtension.class)
class ThreeProcessesOnePostgresTest {

  private static final RouteKey CHECKOUT = new RouteKey("shop", "/checkout");

  private static PostgresDatabases postgres;

  @BeforeAll
  static void postgres(PostgresDatabases databases) {
    postgres = databases;
  }

  private static StatusRuntime process(int number, MutableClock clock, String url, String more)
      throws Exception {
    String yaml = """
        status:
          service: shop
          instance: web-%d
          captures: []
          store:
            type: jdbi
            database:
              url: %s
              user: postgres
        """.formatted(number, url) + more;
    return StatusRuntime.assemble(
        ConfigParsing.parse(yaml).getStatus(),
        PluginCatalog.discover(ThreeProcessesOnePostgresTest.class.getClassLoader(), List.of()),
        "shop",
        null,
        null,
        clock,
        (service, page) -> (type, notice) -> "{\"type\":\"" + type.wireName() + "\"}");
  }

  /**
   * Ten simulated minutes of three processes on a database of their own: each minute every process
   * writes the closed minute of Checkout (failing in the minutes the predicate names, counted from
   * 1), then the three evaluators run at the same moment.
   *
   * @return the notices the store then holds, open or closed
   */
  private static List<Notice> tenMinutes(String more, IntPredicate failingIn) throws Exception {
    String database = postgres.create();
    MutableClock clock = MutableClock.at("2026-03-01T10:00:20Z");
    List<StatusRuntime> processes = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try {
      List<StatusStore> stores = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        StatusRuntime process = process(i, clock, database, more);
        processes.add(process);
        process.store().start();
        stores.add(process.startedStore(Duration.ofSeconds(60)));
      }
      stores.get(0).declareRoutes(List.of(new RouteDescriptor(CHECKOUT, "Checkout", "", "Shop")));
      CyclicBarrier together = new CyclicBarrier(3);

      for (int minute = 1; minute <= 10; minute++) {
        clock.advance(Duration.ofMinutes(1));
        Instant closed = clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.MINUTES);
        boolean failing = failingIn.test(minute);
        for (int i = 0; i < 3; i++) {
          stores.get(i).writeMinutes(List.of(new MinuteBucket(CHECKOUT, closed, "web-" + (i + 1),
              failing ? Tallies.of(0, 30, 0, 1_000) : Tallies.of(30, 0, 0, 1_000))));
        }
        List<Future<EvaluationReport>> runs = new ArrayList<>();
        for (StatusRuntime process : processes) {
          Evaluator evaluator = process.evaluator().orElseThrow();
          runs.add(threads.submit(() -> {
            together.await(60, TimeUnit.SECONDS);
            return evaluator.evaluateOnce();
          }));
        }
        for (Future<EvaluationReport> run : runs) {
          run.get(60, TimeUnit.SECONDS);
        }
      }
      // Open ones and every one closed since the epoch: all of them.
      return stores.get(2).notices().orElseThrow().current(Instant.EPOCH);
    } finally {
      threads.shutdownNow();
      for (StatusRuntime process : processes) {
        process.store().stop();
      }
    }
  }

  @Test
  void threeProcessesOpenOneIncidentAndWriteOneUpdatePerStateChange() throws Exception {
    List<Notice> incidents = tenMinutes("", minute -> minute <= 3).stream()
        .filter(n -> n.kind() == NoticeKind.INCIDENT).toList();
    assertThat(incidents).hasSize(1);
    Notice incident = incidents.get(0);
    assertThat(incident.automatic()).isTrue();
    // Failing for three minutes, operational once the five-minute window holds none of them.
    assertThat(incident.updates()).extracting(NoticeUpdate::changes)
        .containsExactly(
            List.of(new StateChange(CHECKOUT, Health.MAJOR_OUTAGE, Health.OPERATIONAL)),
            List.of(new StateChange(CHECKOUT, Health.OPERATIONAL, Health.MAJOR_OUTAGE)));
  }

  @Test
  void threeProcessesMoveARecurringWindowOnceAndOpenNoIncidentForFailuresInsideIt() throws Exception {
    String window = """
          maintenance:
            windows:
              - name: Nightly index rebuild
                rule: daily 10:05-10:08
                routes: ["/checkout"]
        """;
    // Minutes 6 to 8 close 10:05, 10:06 and 10:07: the window's three minutes.
    List<Notice> notices = tenMinutes(window, minute -> minute >= 6 && minute <= 8);

    assertThat(notices).as("no incident for failures inside the window")
        .extracting(Notice::kind).containsOnly(NoticeKind.MAINTENANCE);
    List<Notice> today = notices.stream()
        .filter(n -> n.scheduledFor().equals(Instant.parse("2026-03-01T10:05:00Z"))).toList();
    assertThat(today).hasSize(1);
    assertThat(today.get(0).status()).isEqualTo(NoticeStatus.COMPLETED);
    assertThat(today.get(0).updates()).extracting(NoticeUpdate::status)
        .containsExactly(NoticeStatus.COMPLETED, NoticeStatus.IN_PROGRESS, NoticeStatus.SCHEDULED);
  }
}
