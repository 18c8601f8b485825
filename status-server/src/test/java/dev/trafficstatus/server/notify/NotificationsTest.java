package dev.trafficstatus.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.server.testing.Eventually;
import dev.trafficstatus.server.testing.HookReceiver;
import dev.trafficstatus.spi.store.DeliveryAttempt;
import dev.trafficstatus.spi.store.DeliveryAttempt.Outcome;
import dev.trafficstatus.spi.store.OutboxStore;
import dev.trafficstatus.testkit.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications as the bundle wires them, on the shop with a real H2 store: an incident opened
 * through the API reaches a signed webhook and a Slack webhook that fails; the failing one is
 * retried and given up, every attempt recorded; neither the webhook secret nor the Slack URL's
 * token appears in the log or the delivery log.
 */
class NotificationsTest {

  private static final String API_SECRET = "tSx0L5exSjiPqqXs";
  private static final String HOOK_SECRET = "whsec-9f8e7d6c5b4a3210";
  private static final String SLACK_PATH = "/services/T0001/B0002/xoxbSECRETTOKEN42";
  private static final String PUBLIC_URL = "https://status.example.com/status";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  private final MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");
  private HookReceiver receiver;
  private NotifyingShop shop;
  private Path log;

  @BeforeEach
  void start() throws Exception {
    receiver = new HookReceiver();
    // The Slack webhook fails and echoes what it got, as some error pages do.
    receiver.answer(request -> request.path().equals(SLACK_PATH)
        ? new HookReceiver.Answer(500, "failed for " + request.path() + " " + request.headers())
        : HookReceiver.Answer.OK);
    log = dir.resolve("app.log");
    shop = NotifyingShop.on(dir, clock).logTo(log).publicUrl(PUBLIC_URL).api(API_SECRET)
        .notifications("timeout: 2s\nmaxAttempts: 2\ninitialBackoff: 1m\nmaxBackoff: 1m")
        .webhook("ops", receiver.url("/hooks/ops"), HOOK_SECRET)
        .slack(receiver.url(SLACK_PATH))
        .start();
  }

  @AfterEach
  void stop() {
    if (shop != null) {
      shop.close();
    }
    receiver.close();
  }

  private String openIncident() throws Exception {
    HttpResponse<String> created = HTTP.send(
        HttpRequest.newBuilder(URI.create(shop.url("/flask-status/configure/incidents")))
            .header("Authorization", "Bearer " + API_SECRET)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(
                "{\"name\": \"Checkout is failing\", \"body\": \"We are looking into it.\", \"impact\": \"major\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).get("id").asText();
  }

  @Test
  void anIncidentOpenedThroughTheApiReachesASignedWebhook() throws Exception {
    String incident = openIncident();

    Eventually.await("the webhook got the event", Duration.ofSeconds(30), () -> !receiver.received("/hooks/ops").isEmpty());
    HookReceiver.Request got = receiver.received("/hooks/ops").get(0);
    JsonNode event = JSON.readTree(got.body());
    assertThat(event.get("id").asText()).matches("[0-9a-z]{12}").isEqualTo(got.header("Idempotency-Key"));
    assertThat(event.get("created_at").asText()).isEqualTo("2026-03-01T12:00:00Z");
    assertThat(event.get("event").asText()).isEqualTo("incident.opened").isEqualTo(got.header("X-Status-Event"));
    assertThat(event.get("page").get("url").asText()).isEqualTo(PUBLIC_URL);
    // One page, as the payload stored it: a reader keeping the first of two keys would differ.
    assertThat(got.body().split("\"page\":", -1)).hasSize(2);
    assertThat(event.get("incident").get("id").asText()).isEqualTo(incident);
    assertThat(event.get("incident").get("name").asText()).isEqualTo("Checkout is failing");
    assertThat(event.get("incident").get("status").asText()).isEqualTo("investigating");
    assertThat(event.get("incident").get("shortlink").asText()).isEqualTo(PUBLIC_URL + "/incidents/" + incident);
    assertThat(event.get("incident").get("incident_updates").get(0).get("body").asText()).isEqualTo("We are looking into it.");
    String signature = got.header("X-Status-Signature");
    long t = clock.instant().getEpochSecond();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(HOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + got.body()).getBytes(StandardCharsets.UTF_8)));
    assertThat(signature).isEqualTo("t=" + t + ",v1=" + expected);
    // The attempt is recorded once the receiver's answer is back, a moment after it got the event.
    Eventually.await("the delivery recorded", Duration.ofSeconds(30),
        () -> !attempts(event.get("id").asText(), "webhook:ops").isEmpty());
    assertThat(attempts(event.get("id").asText(), "webhook:ops"))
        .extracting(DeliveryAttempt::number, DeliveryAttempt::outcome, DeliveryAttempt::responseCode)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, Outcome.DELIVERED, 200));
  }

  @Test
  void theDeliveryLogIsReadThroughTheApiWithItsToken() throws Exception {
    String incident = openIncident();
    Eventually.await("the webhook got the event", Duration.ofSeconds(30), () -> !receiver.received("/hooks/ops").isEmpty());
    String eventId = receiver.received("/hooks/ops").get(0).header("Idempotency-Key");
    Eventually.await("both first attempts recorded", Duration.ofSeconds(30),
        () -> attempts(eventId, "slack").size() == 1 && attempts(eventId, "webhook:ops").size() == 1);

    HttpResponse<String> log = get("/notifications?notice=" + incident, API_SECRET);
    assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
    assertThat(log.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    JsonNode answer = JSON.readTree(log.body());
    assertThat(answer.get("notice_id").asText()).isEqualTo(incident);
    assertThat(answer.get("events")).hasSize(1);
    JsonNode event = answer.get("events").get(0);
    assertThat(event.get("id").asText()).isEqualTo(eventId);
    assertThat(event.get("event").asText()).isEqualTo("incident.opened");
    assertThat(event.get("created_at").asText()).isEqualTo("2026-03-01T12:00:00Z");
    assertThat(byReceiver(event.get("attempts"), "webhook:ops")).isEqualTo(
        "1 delivered 200 2026-03-01T12:00:00Z  null");
    String slack = byReceiver(event.get("attempts"), "slack");
    assertThat(slack).startsWith("1 retry 500 2026-03-01T12:00:00Z HTTP 500: failed for …");
    // The next attempt: initialBackoff (1m) with its jitter of 80 to 120 %.
    Instant next = Instant.parse(slack.substring(slack.lastIndexOf(' ') + 1));
    assertThat(next).isBetween(Instant.parse("2026-03-01T12:00:48Z"), Instant.parse("2026-03-01T12:01:12Z"));

    HttpResponse<String> one = get("/notifications/" + eventId, API_SECRET);
    assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
    assertThat(JSON.readTree(one.body()).get("attempts")).hasSize(2);
    assertThat(log.body() + one.body()).doesNotContain("xoxb").doesNotContain("T0001").doesNotContain(HOOK_SECRET);

    assertThat(get("/notifications?notice=" + incident, "wrong-token-0123456789").statusCode()).isEqualTo(401);
    assertThat(get("/notifications?notice=" + incident, null).statusCode()).isEqualTo(401);
    assertThat(get("/notifications", API_SECRET).statusCode()).isEqualTo(400);
    assertThat(get("/notifications?notice=zzzzzzzzzzzz", API_SECRET).statusCode()).isEqualTo(404);
    assertThat(get("/notifications?notice=%3Cscript%3E", API_SECRET).statusCode()).isEqualTo(404);
    assertThat(get("/notifications/zzzzzzzzzzzz", API_SECRET).statusCode()).isEqualTo(404);
  }

  /** The one attempt of a receiver as "number outcome code at error next". */
  private static String byReceiver(JsonNode attempts, String receiverName) {
    List<String> found = new java.util.ArrayList<>();
    for (JsonNode attempt : attempts) {
      if (attempt.get("receiver").asText().equals(receiverName)) {
        found.add(attempt.get("attempt").asInt() + " " + attempt.get("outcome").asText() + " "
            + attempt.get("response_code").asInt() + " " + attempt.get("at").asText() + " "
            + attempt.get("error").asText() + " " + attempt.get("next_attempt_at").asText());
      }
    }
    assertThat(found).as(receiverName).hasSize(1);
    return found.get(0);
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(shop.url("/flask-status/configure" + path)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aFailingReceiverIsRetriedThenGivenUpAndNoSecretReachesTheLogs() throws Exception {
    openIncident();
    Eventually.await("the webhook got the event", Duration.ofSeconds(30), () -> !receiver.received("/hooks/ops").isEmpty());
    String eventId = receiver.received("/hooks/ops").get(0).header("Idempotency-Key");
    Eventually.await("the first attempt recorded", Duration.ofSeconds(30), () -> attempts(eventId, "slack").size() == 1);

    clock.advance(Duration.ofMinutes(2));
    Eventually.await("the second attempt recorded", Duration.ofSeconds(30), () -> attempts(eventId, "slack").size() == 2);

    List<DeliveryAttempt> slack = attempts(eventId, "slack");
    assertThat(slack).extracting(DeliveryAttempt::number, DeliveryAttempt::outcome, DeliveryAttempt::responseCode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, Outcome.RETRY, 500),
            org.assertj.core.groups.Tuple.tuple(2, Outcome.DEAD, 500));
    assertThat(slack.get(0).at()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
    assertThat(slack.get(0).error()).startsWith("HTTP 500: failed for …");
    assertThat(receiver.received(SLACK_PATH)).hasSize(2);
    List<DeliveryAttempt> webhook = attempts(eventId, "webhook:ops");
    shop.close();
    String logged = Files.readString(log);
    assertThat(logged)
        .contains("Traffic Status notifies webhook:ops → http://127.0.0.1:")
        .contains("Traffic Status notifies slack → http://127.0.0.1:")
        .contains("is not delivered to slack: gave up after 2 attempts (500 HTTP 500: failed for …");
    for (String shown : List.of(logged, slack.toString(), webhook.toString())) {
      assertThat(shown).doesNotContain(HOOK_SECRET).doesNotContain("xoxb").doesNotContain("T0001").doesNotContain("B0002");
    }
  }

  private List<DeliveryAttempt> attempts(String eventId, String receiverName) {
    OutboxStore outbox = shop.runtime().store().outbox().orElseThrow();
    return outbox.attempts(eventId).stream().filter(a -> a.receiver().equals(receiverName)).toList();
  }
}
