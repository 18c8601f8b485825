package dev.trafficstatus.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.server.testing.Eventually;
import dev.trafficstatus.server.testing.HookReceiver;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each event reaches a receiver exactly once after de-duplication by its key, however many
 * instances run and even when one is killed in the middle of sending: three standalone servers
 * (the shipped config.yml with a webhook) share one real PostgreSQL; the first sends the first
 * event to a receiver that does not answer and is killed with SIGKILL meanwhile; incidents opened
 * and changed through the API of the other two reach the receiver, and when the killed one's lease
 * runs out one of them sends the first event again, with the same Idempotency-Key and body.
 */
class NotificationsIT {

  private static final String API_SECRET = "it-api-secret-0123456789";
  private static final String HOOK_SECRET = "it-hook-secret-0123456789";
  private static final String API = "/flask-status/configure";
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final SharedPostgres POSTGRES = new SharedPostgres();

  @TempDir Path workDir;

  /** The shipped config.yml with a webhook, a short interval and timeout, no incidents by traffic. */
  private void writeConfig() throws Exception {
    ExampleApp.editedConfig(
        ExampleApp.SERVER_CONFIG,
        workDir.resolve("config.yml"),
        Map.of(
            // The hung send may time out (5 s) before the kill, while the other two servers
            // start: then the event is retried after initialBackoff instead of after the lease,
            // so the backoff is short here too (the shipped 5m would outlast the wait).
            "    interval: 5s\n    timeout: 10s\n    maxAttempts: 10\n    initialBackoff: 5m\n",
            "    interval: 200ms\n    timeout: 5s\n    maxAttempts: 10\n    initialBackoff: 2s\n",
            "    notifiers: []\n",
            "    notifiers:\n      - type: webhook\n        name: it\n        url: ${HOOK_URL}\n"
                + "        secret: ${HOOK_SECRET}\n",
            "    auto:\n      enabled: true\n",
            "    auto:\n      enabled: false\n"));
  }

  @Test
  void everyEventReachesTheReceiverOnceAfterDeDuplicationThoughASenderWasKilledMidSend() throws Exception {
    try (HookReceiver receiver = new HookReceiver()) {
      AtomicBoolean first = new AtomicBoolean(true);
      // The first request hangs: its sender is killed while it waits for the answer.
      receiver.answer(request -> first.getAndSet(false) ? HookReceiver.Answer.HANG : HookReceiver.Answer.OK);
      writeConfig();
      Map<String, String> env = new HashMap<>(POSTGRES.env());
      env.putAll(
          Map.of(
              "STATUS_API_ENABLED", "true",
              "STATUS_API_SECRET", API_SECRET,
              "HOOK_URL", receiver.url("/hooks/it"),
              "HOOK_SECRET", HOOK_SECRET));
      Map<String, List<String>> expected = new LinkedHashMap<>();

      try (ExampleApp killed = ExampleApp.startServer(workDir, env)) {
        expected.put(open(killed, "Sent by the killed process"), List.of("incident.opened"));
        Eventually.await("the first event on its way", Duration.ofSeconds(60), () -> receiver.received().size() == 1);
        String inFlight = receiver.received().get(0).header("Idempotency-Key");

        try (ExampleApp second = ExampleApp.startServer(workDir, env);
            ExampleApp third = ExampleApp.startServer(workDir, env)) {
          // Killed while its first send hangs, or (on a slow machine, where starting the other
          // two outlasts the 5 s timeout) while that send waits for its retry: either way the
          // event is the killed process's to finish, and the others must send it.
          assertThat(killed.process.kill()).isEqualTo(137);

          for (int i = 0; i < 3; i++) {
            for (ExampleApp app : List.of(second, third)) {
              String id = open(app, "Incident " + i);
              update(app == second ? third : second, id, "identified", "Found it.");
              update(app, id, "resolved", "Fixed.");
              expected.put(id, List.of("incident.opened", "incident.updated", "incident.resolved"));
            }
          }
          int events = expected.values().stream().mapToInt(List::size).sum();
          // The killed process's lease runs out after timeout × 11 plus interval, about a minute.
          try {
            Eventually.await(
                events + " events received, the one in flight again",
                Duration.ofMinutes(4),
                () -> byKey(receiver).size() == events && byKey(receiver).get(inFlight).size() >= 2);
          } catch (AssertionError late) {
            throw new AssertionError(late.getMessage() + "; received by key: "
                + byKey(receiver).entrySet().stream()
                    .map(e -> e.getKey() + "×" + e.getValue().size()).collect(Collectors.joining(", "))
                + "\n--- second:\n" + tail(second.process.output()) + "\n--- third:\n" + tail(third.process.output()), late);
          }

          Map<String, List<HookReceiver.Request>> byKey = byKey(receiver);
          Map<String, List<String>> seen = new TreeMap<>();
          for (List<HookReceiver.Request> copies : byKey.values()) {
            Set<String> bodies = copies.stream().map(HookReceiver.Request::body).collect(Collectors.toSet());
            assertThat(bodies).as("every copy of an event is the same event").hasSize(1);
            JsonNode event = JSON.readTree(copies.get(0).body());
            seen.computeIfAbsent(event.get("incident").get("id").asText(), k -> new java.util.ArrayList<>())
                .add(event.get("event").asText());
          }
          assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
          expected.forEach((incident, types) ->
              assertThat(seen.get(incident)).as(incident).containsExactlyElementsOf(types));
          Set<String> repeated = new HashSet<>();
          byKey.forEach((key, copies) -> {
            if (copies.size() > 1) {
              repeated.add(key);
            }
          });
          assertThat(repeated).as("only the event in flight at the kill came twice").containsExactly(inFlight);
          assertThat(second.process.output() + third.process.output())
              .doesNotContain(HOOK_SECRET)
              .doesNotContain(API_SECRET);
        }
      }
    }
  }

  private static String tail(String output) {
    return output.lines().filter(line -> !line.contains("GET /status")).skip(Math.max(0, output.lines().count() - 60))
        .collect(Collectors.joining("\n"));
  }

  /** The requests received, by Idempotency-Key, in the order they came. */
  private static Map<String, List<HookReceiver.Request>> byKey(HookReceiver receiver) {
    Map<String, List<HookReceiver.Request>> byKey = new LinkedHashMap<>();
    for (HookReceiver.Request request : receiver.received()) {
      byKey.computeIfAbsent(request.header("Idempotency-Key"), k -> new java.util.ArrayList<>()).add(request);
    }
    return byKey;
  }

  private static String open(ExampleApp app, String name) throws Exception {
    HttpResponse<String> created = write(app, "POST", API + "/incidents",
        "{\"name\": \"" + name + "\", \"body\": \"Looking into it.\", \"impact\": \"major\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).get("id").asText();
  }

  private static void update(ExampleApp app, String id, String status, String body) throws Exception {
    HttpResponse<String> updated = write(app, "POST", API + "/incidents/" + id + "/updates",
        "{\"status\": \"" + status + "\", \"body\": \"" + body + "\"}");
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
  }

  /**
   * A call to the API. A process answers before its store has connected (in the background); until
   * then the API answers 503 and writes nothing, so the call is made again.
   */
  private static HttpResponse<String> write(ExampleApp app, String method, String path, String json)
      throws Exception {
    AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();
    Eventually.await("the API writes once the store is connected", Duration.ofSeconds(90), () -> {
      answer.set(app.send(method, path, API_SECRET, json));
      return answer.get().statusCode() != 503;
    });
    return answer.get();
  }
}
