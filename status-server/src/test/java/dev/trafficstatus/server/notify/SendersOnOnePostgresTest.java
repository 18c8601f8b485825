package dev.trafficstatus.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.core.notice.NewIncident;
import dev.trafficstatus.core.notice.NoticeChange;
import dev.trafficstatus.core.notice.NoticeService;
import dev.trafficstatus.core.notify.NotificationSender;
import dev.trafficstatus.server.plugin.PluginCatalog;
import dev.trafficstatus.server.testing.ConfigParsing;
import dev.trafficstatus.server.testing.PostgresDatabases;
import dev.trafficstatus.server.testing.PostgresExtension;
import dev.trafficstatus.server.testing.HookReceiver;
import dev.trafficstatus.server.wiring.StatusRuntime;
import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.store.OutboxEvent;
import dev.trafficstatus.testkit.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One sender at a time across processes: three processes on one real PostgreSQL, each with its
 * own store (its own pool) and its own sender wired as the server wires them, claim at the same
 * moment round after round while incidents are opened, updated and resolved through all three.
 * Two real HTTP receivers each get every event exactly once (no process died, so no lease ran
 * out: not even a duplicate to drop), in order per incident.
 */
@ExtendWith(PostgresExtension.class)
class SendersOnOnePostgresTest {

  private static final String HOOK_SECRET = "pg-hook-secret-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String database;

  @BeforeAll
  static void database(PostgresDatabases databases) {
    database = databases.create();
  }

  private static StatusRuntime process(int number, MutableClock clock, HookReceiver receiver)
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
          incidents:
            auto:
              enabled: false
          notifications:
            timeout: 5s
            notifiers:
              - type: webhook
                name: a
                url: %s
                secret: %s
              - type: webhook
                name: b
                url: %s
                secret: %s
        """.formatted(number, database, receiver.url("/a"), HOOK_SECRET,
            receiver.url("/b"), HOOK_SECRET);
    return StatusRuntime.assemble(
        ConfigParsing.parse(yaml).getStatus(),
        PluginCatalog.discover(SendersOnOnePostgresTest.class.getClassLoader(), List.of()),
        "shop",
        null,
        null,
        clock,
        (service, page) -> (type, notice) ->
            "{\"type\":\"" + type.wireName() + "\",\"notice\":\"" + notice.id() + "\"}");
  }

  @Test
  void sendersOfThreeProcessesClaimingTogetherDeliverEachEventOnceToEachReceiverInOrder()
      throws Exception {
    MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    List<StatusRuntime> processes = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try (HookReceiver receiver = new HookReceiver()) {
      for (int i = 1; i <= 3; i++) {
        StatusRuntime process = process(i, clock, receiver);
        processes.add(process);
        process.store().start();
        process.startedStore(Duration.ofSeconds(60));
      }
      List<NotificationSender> senders =
          processes.stream().map(p -> p.notificationSender().orElseThrow()).toList();
      List<NoticeService> writers = processes.stream().map(p -> p.notices().orElseThrow()).toList();
      CyclicBarrier together = new CyclicBarrier(3);
      List<String> incidents = new ArrayList<>();

      for (int round = 0; round < 40; round++) {
        // While there is sending to do, the processes write: an incident opened every other round
        // by one of them, updated and resolved by the others.
        if (round < 24) {
          NoticeService writer = writers.get(round % 3);
          if (round % 2 == 0) {
            Notice opened = writer.open(new NewIncident("Incident " + round, NoticeStatus.INVESTIGATING,
                Impact.MAJOR, "Looking into it.", List.of(), null, false));
            incidents.add(opened.id());
          }
          String latest = incidents.get(incidents.size() - 1);
          writers.get((round + 1) % 3).change(latest,
              NoticeChange.update(round % 2 == 0 ? NoticeStatus.IDENTIFIED : NoticeStatus.RESOLVED,
                  "Round " + round, List.of(), false));
        }
        List<Future<Void>> claims = new ArrayList<>();
        for (NotificationSender sender : senders) {
          claims.add(threads.submit(() -> {
            together.await(60, TimeUnit.SECONDS);
            sender.sendDue().get(60, TimeUnit.SECONDS);
            return null;
          }));
        }
        for (Future<Void> claim : claims) {
          claim.get(120, TimeUnit.SECONDS);
        }
        clock.advance(Duration.ofSeconds(1));
      }

      Map<String, List<String>> expected = new LinkedHashMap<>();
      for (String incident : incidents) {
        expected.put(incident, processes.get(0).store().outbox().orElseThrow().events(incident)
            .stream().map(OutboxEvent::id).toList());
      }
      assertThat(incidents).hasSize(12);
      assertThat(expected.values()).allSatisfy(ids -> assertThat(ids).hasSize(3));
      for (String path : List.of("/a", "/b")) {
        List<HookReceiver.Request> got = receiver.received(path);
        List<String> keys = got.stream().map(request -> request.header("Idempotency-Key")).toList();
        assertThat(keys).as(path + ": every event once").doesNotHaveDuplicates()
            .containsExactlyInAnyOrderElementsOf(expected.values().stream().flatMap(List::stream).toList());
        Map<String, List<String>> inOrder = new LinkedHashMap<>();
        for (HookReceiver.Request request : got) {
          JsonNode event = JSON.readTree(request.body());
          inOrder.computeIfAbsent(event.get("notice").asText(), k -> new ArrayList<>())
              .add(request.header("Idempotency-Key"));
        }
        expected.forEach((incident, ids) ->
            assertThat(inOrder.get(incident)).as(path + " " + incident).containsExactlyElementsOf(ids));
      }
    } finally {
      threads.shutdownNow();
      for (StatusRuntime process : processes) {
        process.notificationSender().orElseThrow().stop();
        process.store().stop();
      }
    }
  }
}
