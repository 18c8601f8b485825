package dev.trafficstatus.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.server.testing.Eventually;
import dev.trafficstatus.server.testing.HookReceiver;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * (the shipped config.yml with a webhook) share one real PostgreSQL. The receiver holds the first
 * delivery open; the process whose lease it is (read from the outbox's deliveries) is killed with
 * SIGKILL while that send is still in flight, long before its timeout; incidents opened and
 * changed through the API of the other two reach the receiver, and when the killed one's lease runs
 * out one of them takes the delivery over and sends the first event again, with the same
 * Idempotency-Key and body. The delivery log shows a take-over, not a retry: the killed process
 * recorded nothing, and the one attempt recorded is the survivor's first.
 */
class NotificationsIT {

  private static final String API_SECRET = "it-api-secret-0123456789";
  private static final String HOOK_SECRET = "it-hook-secret-0123456789";
  private static final String API = "/flask-status/configure";
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final SharedPostgres POSTGRES = new SharedPostgres();

  @TempDir Path workDir;

  /**
   * The shipped config.yml with a webhook, a short interval, no incidents by traffic, and an
   * instance id that starts with ${INSTANCE}, so the test can tell whose lease a delivery is. The
   * timeout is 5 s, half the shipped 10 s: the kill still comes well within it (it follows the
   * first request's arrival by one database query), and the lease the survivors wait for (timeout
   * × 11 plus interval) is under a minute instead of two.
   */
  private void writeConfig() throws Exception {
    ExampleApp.editedConfig(
        ExampleApp.SERVER_CONFIG,
        workDir.resolve("config.yml"),
        Map.of(
            "    interval: 5s\n    timeout: 10s\n", "    interval: 200ms\n    timeout: 5s\n",
            "    notifiers: []\n",
            "    notifiers:\n      - type: webhook\n        name: it\n        url: ${HOOK_URL}\n"
                + "        secret: ${HOOK_SECRET}\n",
            "    auto:\n      enabled: true\n", "    auto:\n      enabled: false\n",
            "  # instance: web-1\n", "  instance: ${INSTANCE}\n"));
  }

  /** Whose lease the one delivery in flight is: the instance id of the process sending it. */
  private static String leaseOwner(String eventId) throws Exception {
    Map<String, String> database = POSTGRES.env();
    try (Connection connection = DriverManager.getConnection(database.get("STATUS_DB_URL"),
            database.get("STATUS_DB_USER"), database.get("STATUS_DB_PASSWORD"));
        PreparedStatement query = connection.prepareStatement(
            "SELECT d.lease_owner FROM status_outbox_deliveries d"
                + " JOIN status_outbox_events e ON e.seq = d.event_seq"
                + " WHERE e.id = ? AND d.state = 'PENDING' AND d.lease_owner IS NOT NULL")) {
      query.setString(1, eventId);
      try (ResultSet rows = query.executeQuery()) {
        assertThat(rows.next()).as("the delivery of " + eventId + " is leased").isTrue();
        return rows.getString(1);
      }
    }
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
      Map<String, ExampleApp> apps = new LinkedHashMap<>();

      try (ExampleApp a = ExampleApp.startServer(workDir, withInstance(env, "node-a"));
          ExampleApp b = ExampleApp.startServer(workDir, withInstance(env, "node-b"));
          ExampleApp c = ExampleApp.startServer(workDir, withInstance(env, "node-c"))) {
        apps.put("node-a", a);
        apps.put("node-b", b);
        apps.put("node-c", c);
        expected.put(open(a, "In flight at the kill"), List.of("incident.opened"));
        Eventually.await("the first event on its way", Duration.ofSeconds(60), () -> receiver.received().size() == 1);
        String inFlight = receiver.received().get(0).header("Idempotency-Key");
        String owner = leaseOwner(inFlight);
        String sender = owner.substring(0, "node-x".length());
        ExampleApp killed = apps.remove(sender);
        assertThat(killed).as("the lease owner " + owner + " is one of the three").isNotNull();
        // Killed while the receiver still holds its send open: well within the 5 s timeout, so
        // the send is in flight, not waiting for a retry.
        assertThat(killed.process.kill()).isEqualTo(137);
        assertThat(receiver.received()).as("nothing answered the send in flight").hasSize(1);

        List<ExampleApp> survivors = List.copyOf(apps.values());
        ExampleApp second = survivors.get(0);
        ExampleApp third = survivors.get(1);

        for (int i = 0; i < 3; i++) {
          for (ExampleApp app : List.of(second, third)) {
            String id = open(app, "Incident " + i);
            update(app == second ? third : second, id, "identified", "Found it.");
            update(app, id, "resolved", "Fixed.");
            expected.put(id, List.of("incident.opened", "incident.updated", "incident.resolved"));
          }
        }
        int events = expected.values().stream().mapToInt(List::size).sum();
        // The killed process's lease runs out after timeout × 11 plus interval, under a minute.
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

        // A take-over, not a retry: the killed sender recorded no attempt, a survivor's first
        // attempt delivered it once its lease had run out.
        AtomicReference<HttpResponse<String>> log = new AtomicReference<>();
        Eventually.await("the delivery recorded", Duration.ofSeconds(30), () -> {
          log.set(second.send("GET", API + "/notifications/" + inFlight, API_SECRET, ""));
          return log.get().statusCode() == 200 && JSON.readTree(log.get().body()).get("attempts").size() > 0;
        });
        JsonNode attempts = JSON.readTree(log.get().body()).get("attempts");
        assertThat(attempts).as(log.get().body()).hasSize(1);
        assertThat(attempts.get(0).get("attempt").asInt()).isEqualTo(1);
        assertThat(attempts.get(0).get("outcome").asText()).isEqualTo("delivered");
      }
    }
  }

  private static Map<String, String> withInstance(Map<String, String> env, String instance) {
    Map<String, String> with = new HashMap<>(env);
    with.put("INSTANCE", instance);
    return with;
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
