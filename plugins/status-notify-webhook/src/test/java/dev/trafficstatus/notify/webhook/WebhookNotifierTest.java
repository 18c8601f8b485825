package dev.trafficstatus.notify.webhook;

import static dev.trafficstatus.notify.webhook.TestNotifications.CHECKOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.notify.webhook.LocalReceiver.Answer;
import dev.trafficstatus.notify.webhook.LocalReceiver.Received;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notify.Notification;
import dev.trafficstatus.spi.notify.Notifier;
import dev.trafficstatus.spi.notify.SendResult;
import dev.trafficstatus.spi.notify.SendResult.Outcome;
import dev.trafficstatus.testkit.MutableClock;
import dev.trafficstatus.testkit.TestNotifierContext;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The generic webhook against a real local HTTP receiver. */
class WebhookNotifierTest {

  private static final String SECRET = "whsec-0123456789abcdef";

  private final LocalReceiver receiver = new LocalReceiver();
  private final MutableClock clock = MutableClock.at("2026-03-01T12:00:05Z");

  WebhookNotifierTest() throws Exception {}

  @AfterEach
  void close() {
    receiver.close();
  }

  private Notifier webhook(String url, Duration timeout) {
    WebhookNotifierFactory factory = new WebhookNotifierFactory();
    factory.setName("ops");
    factory.setUrl(url);
    factory.setSecret(SECRET);
    return factory.build(new TestNotifierContext(timeout, clock));
  }

  private Notifier webhook() {
    return webhook(receiver.url("/hooks/status"), Duration.ofSeconds(10));
  }

  private static Notification opened() {
    return TestNotifications.opened("Checkout is failing", Impact.MAJOR, "We are looking into it.", CHECKOUT);
  }

  @Test
  void anEventIsPostedAsItsJsonWithItsKeyAndAValidSignature() throws Exception {
    Notification opened = opened();

    SendResult result = webhook().send(opened);

    assertThat(result).isEqualTo(SendResult.delivered(200));
    Received got = receiver.received().get(0);
    assertThat(got.method()).isEqualTo("POST");
    assertThat(got.path()).isEqualTo("/hooks/status");
    assertThat(got.body()).isEqualTo(opened.json());
    assertThat(got.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(got.header("Idempotency-Key")).isEqualTo(opened.id());
    assertThat(got.header("X-Status-Event")).isEqualTo("incident.opened");
    assertThat(got.header("User-Agent")).isEqualTo("TrafficStatus-Notifier/1");
    String signature = got.header("X-Status-Signature");
    assertThat(signature).startsWith("t=" + clock.instant().getEpochSecond() + ",v1=");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected =
        mac.doFinal((clock.instant().getEpochSecond() + "." + got.body()).getBytes(StandardCharsets.UTF_8));
    assertThat(signature.substring(signature.indexOf("v1=") + 3)).isEqualTo(HexFormat.of().formatHex(expected));
  }

  @Test
  void theReceiversAnswerSaysWhetherToRetry() throws Exception {
    Notifier webhook = webhook();
    List<Answer> answers =
        List.of(
            Answer.status(204),
            Answer.of(500, "{\"error\":\"boom\"}", Map.of()),
            Answer.of(503, "", Map.of("Retry-After", "120")),
            Answer.of(429, "slow down", Map.of("Retry-After", "Sun, 01 Mar 2026 12:10:05 GMT")),
            Answer.status(408),
            Answer.of(410, "no_service", Map.of()),
            Answer.of(401, "bad signature", Map.of()),
            Answer.of(301, "", Map.of("Location", "https://elsewhere.example.com/")));
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    receiver.answer(request -> answers.get(next.getAndIncrement()));

    List<SendResult> results = new java.util.ArrayList<>();
    for (int i = 0; i < answers.size(); i++) {
      results.add(webhook.send(opened()));
    }

    assertThat(results).containsExactly(
        SendResult.delivered(204),
        SendResult.retry(500, "HTTP 500: {\"error\":\"boom\"}"),
        SendResult.retryAfter(503, "HTTP 503", Duration.ofMinutes(2)),
        SendResult.retryAfter(429, "HTTP 429: slow down", Duration.ofMinutes(10)),
        SendResult.retry(408, "HTTP 408"),
        SendResult.refused(410, "HTTP 410: no_service"),
        SendResult.refused(401, "HTTP 401: bad signature"),
        SendResult.refused(301, "HTTP 301; redirects are not followed: configure the URL it redirects to"));
    assertThat(receiver.received()).hasSize(answers.size());
  }

  @Test
  void aReceiverThatNeverAnswersIsCutByTheTimeout() throws Exception {
    receiver.answer(request -> Answer.hanging());

    // Returns (a liveness bound, not a speed verdict): the client gives up after the timeout.
    SendResult result = webhook(receiver.url("/hooks/status"), Duration.ofMillis(500)).send(opened());

    assertThat(result).isEqualTo(SendResult.retry(0, "no answer within 500ms"));
  }

  @Test
  void aReceiverThatIsNotListeningIsRetried() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    SendResult result = webhook("http://127.0.0.1:" + closedPort + "/hooks", Duration.ofSeconds(5)).send(opened());

    assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
    assertThat(result.responseCode()).isZero();
    assertThat(result.error()).startsWith("cannot connect");
    assertThat(result.retryAfter()).isEqualTo(Optional.empty());
  }

  @Test
  void neitherTheSecretNorTheUrlsPathIsEverRepeated() throws Exception {
    String tokenPath = "/services/T0001/B0002/xoxbSECRETTOKEN42";
    // A receiver that echoes everything it got, the way some error pages do.
    receiver.answer(request -> Answer.of(400, request.path() + " " + request.headers() + " " + SECRET, Map.of()));
    Notifier webhook = webhook(receiver.url(tokenPath), Duration.ofSeconds(10));

    SendResult result = webhook.send(opened());

    assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(result.error()).startsWith("HTTP 400: ").doesNotContain(SECRET).doesNotContain("xoxbSECRETTOKEN42");
    assertThat(webhook.describe())
        .isEqualTo("webhook:ops → http://127.0.0.1:" + receiver.url("").split(":")[2] + "/… (events: all; routes: all)")
        .doesNotContain("xoxb");
    assertThat(webhook.toString()).doesNotContain(SECRET).doesNotContain("xoxb");
  }

  @Test
  void aRouteStateChangeIsPostedAsItsJsonAndFilteredByItsRouteAndType() throws Exception {
    Notification checkout =
        TestNotifications.routeChanged(CHECKOUT, "Checkout", Health.OPERATIONAL, Health.MAJOR_OUTAGE);
    Notification search = TestNotifications.routeChanged(
        TestNotifications.SEARCH, "Search", Health.OPERATIONAL, Health.DEGRADED);
    WebhookNotifierFactory onlyCheckout = new WebhookNotifierFactory();
    onlyCheckout.setName("checkout");
    onlyCheckout.setUrl(receiver.url("/hooks/checkout"));
    onlyCheckout.setSecret(SECRET);
    onlyCheckout.setRoutes(List.of("/checkout"));
    WebhookNotifierFactory incidentsOnly = new WebhookNotifierFactory();
    incidentsOnly.setName("incidents");
    incidentsOnly.setUrl(receiver.url("/hooks/incidents"));
    incidentsOnly.setSecret(SECRET);
    incidentsOnly.setEvents(List.of("incident.opened"));
    Notifier byRoute = onlyCheckout.build(new TestNotifierContext(Duration.ofSeconds(10), clock));
    Notifier byType = incidentsOnly.build(new TestNotifierContext(Duration.ofSeconds(10), clock));

    assertThat(byRoute.wants(checkout)).isTrue();
    assertThat(byRoute.wants(search)).isFalse();
    assertThat(byType.wants(checkout)).isFalse();
    assertThat(webhook().send(checkout)).isEqualTo(SendResult.delivered(200));
    Received got = receiver.received().get(0);
    assertThat(got.body()).isEqualTo(checkout.json());
    assertThat(got.header("X-Status-Event")).isEqualTo("route.state_changed");
    assertThat(got.header("Idempotency-Key")).isEqualTo(checkout.id());
  }
}
