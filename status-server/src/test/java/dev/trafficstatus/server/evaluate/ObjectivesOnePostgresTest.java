package dev.trafficstatus.server.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.core.evaluate.EvaluationReport;
import dev.trafficstatus.core.evaluate.Evaluator;
import dev.trafficstatus.core.objective.ObjectiveAlerts;
import dev.trafficstatus.server.plugin.PluginCatalog;
import dev.trafficstatus.server.testing.ConfigParsing;
import dev.trafficstatus.server.testing.PostgresDatabases;
import dev.trafficstatus.server.testing.PostgresExtension;
import dev.trafficstatus.server.wiring.StatusRuntime;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeStatus;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 20: three processes on one PostgreSQL, wired as the server wires them, with one objective
 * (checkout, 99.9 % over 30 days). An outage spending 2 % of the 30-day budget fires the 14.4x
 * pair within 5 minutes of its start and clears after recovery: one incident across the three
 * evaluators, which run at the same moment each minute.
 */
@ExtendWith(PostgresExtension.class)
class ObjectivesOnePostgresTest {

  private static final RouteKey CHECKOUT = new RouteKey("shop", "/checkout");

  private static String database;

  @BeforeAll
  static void database(PostgresDatabases databases) {
    database = databases.create();
  }

  private static StatusRuntime process(int number, MutableClock clock) throws Exception {
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
          objectives:
            list:
              - {name: checkout, route: /checkout, availability: 99.9}
        """.formatted(number, database);
    return StatusRuntime.assemble(
        ConfigParsing.parse(yaml).getStatus(),
        PluginCatalog.discover(ObjectivesOnePostgresTest.class.getClassLoader(), List.of()),
        "shop",
        null,
        null,
        clock,
        (service, page) -> (type, notice) -> "{\"type\":\"" + type.wireName() + "\"}");
  }

  private static List<Notice> objectiveIncidents(StatusStore store) {
    return store.notices().orElseThrow().current(Instant.EPOCH).stream()
        .filter(ObjectiveAlerts::isObjectiveIncident).toList();
  }

  @Test
  void threeProcessesOpenOneIncidentWithinFiveMinutesAndResolveItAfterRecovery() throws Exception {
    Instant today = Instant.parse("2026-03-31T00:00:00Z");
    MutableClock clock = new MutableClock(today.plus(Duration.ofHours(6)).plusSeconds(20));
    List<StatusRuntime> processes = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try {
      List<StatusStore> stores = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        StatusRuntime process = process(i, clock);
        processes.add(process);
        process.store().start();
        stores.add(process.startedStore(Duration.ofSeconds(60)));
      }
      StatusStore first = stores.get(0);
      first.declareRoutes(List.of(new RouteDescriptor(CHECKOUT, "Checkout", "", "Shop")));
      // 30 days of 1,000 requests a minute (a row per past day), then today up to 06:00.
      List<MinuteBucket> history = new ArrayList<>();
      for (int day = 1; day <= 30; day++) {
        history.add(new MinuteBucket(CHECKOUT, today.minus(Duration.ofDays(day)).plus(Duration.ofHours(12)),
            "web-1", Tallies.of(1_440_000, 0, 0, 1_000)));
      }
      for (int minute = 0; minute < 360; minute++) {
        history.add(new MinuteBucket(CHECKOUT, today.plus(Duration.ofMinutes(minute)), "web-1",
            Tallies.of(1_000, 0, 0, 1_000)));
      }
      first.writeMinutes(history);
      Instant outageStart = clock.instant().truncatedTo(ChronoUnit.MINUTES);
      CyclicBarrier together = new CyclicBarrier(3);
      int firedAfter = -1;

      // 5 minutes of 180 failures in 1,000 (900 bad, 2 % of the budget), then 10 quiet minutes.
      for (int minute = 1; minute <= 15; minute++) {
        clock.advance(Duration.ofMinutes(1));
        Instant closed = clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.MINUTES);
        boolean failing = minute <= 5;
        first.writeMinutes(List.of(new MinuteBucket(CHECKOUT, closed, "web-1",
            failing ? Tallies.of(820, 180, 0, 1_000) : Tallies.of(1_000, 0, 0, 1_000))));
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
        if (firedAfter < 0 && !objectiveIncidents(first).isEmpty()) {
          firedAfter = minute;
        }
      }

      assertThat(firedAfter).isBetween(1, 5);
      List<Notice> incidents = objectiveIncidents(stores.get(2));
      assertThat(incidents).hasSize(1);
      Notice incident = incidents.get(0);
      assertThat(incident.name()).isEqualTo("Error budget burning: checkout (availability)");
      assertThat(incident.createdAt()).isBefore(outageStart.plus(Duration.ofMinutes(6)));
      assertThat(incident.status()).isEqualTo(NoticeStatus.RESOLVED);
      assertThat(incident.updates()).hasSize(2);
    } finally {
      threads.shutdownNow();
      for (StatusRuntime process : processes) {
        process.store().stop();
      }
    }
  }
}
