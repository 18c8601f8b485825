package dev.trafficstatus.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import dev.trafficstatus.core.subscribe.SubscribeLimits;
import dev.trafficstatus.server.testing.ConfigParsing;
import dev.trafficstatus.server.testing.Eventually;
import dev.trafficstatus.server.testing.TestSmtp;
import dev.trafficstatus.testkit.MutableClock;
import io.dropwizard.configuration.ConfigurationException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The subscribe form's limits from {@code notifications.subscribers}, through the real form and
 * GreenMail: the mails per address are counted in the store, so two server instances on one
 * database send an address no more than the limit between them; the requests per client follow
 * the configured count and period; bad values stop the start.
 */
class SubscribeLimitsTest {

  private static final String PUBLIC_URL = "https://status.example.com/status";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  private final MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");
  private final String database = "jdbc:h2:mem:subscribe-limits-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  private final List<NotifyingShop> apps = new ArrayList<>();
  private GreenMail smtp;

  @BeforeEach
  void startMail() {
    smtp = new GreenMail(TestSmtp.smtp());
    smtp.start();
  }

  @AfterEach
  void stop() {
    apps.forEach(NotifyingShop::close);
    smtp.stop();
  }

  /** One server instance on the shared database, with these limits. */
  private NotifyingShop instance(String limits) throws Exception {
    NotifyingShop app = NotifyingShop.on(dir, clock).database(database).publicUrl(PUBLIC_URL)
        .subscriberLimits(limits)
        .email(smtp.getSmtp().getPort())
        .start();
    apps.add(app);
    return app;
  }

  private static HttpResponse<String> subscribe(NotifyingShop app, String email) throws Exception {
    String origin = app.url("");
    return HTTP.send(HttpRequest.newBuilder(URI.create(origin + "/status/subscribe"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", origin)
            .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private int mailsTo(String address) throws Exception {
    int count = 0;
    for (MimeMessage message : smtp.getReceivedMessages()) {
      if (Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address))) {
        count++;
      }
    }
    return count;
  }

  @Test
  void twoInstancesSendAnAddressNoMoreConfirmationMailsThanTheLimitBetweenThem() throws Exception {
    String limits = "perAddress: 2\naddressPeriod: 30m\nperClient: 100\n";
    NotifyingShop one = instance(limits);
    NotifyingShop two = instance(limits);

    assertThat(subscribe(one, "ana@example.com").statusCode()).isEqualTo(200);
    Eventually.await("the first mail", Duration.ofSeconds(30), () -> mailsTo("ana@example.com") == 1);
    assertThat(subscribe(two, "ana@example.com").statusCode()).isEqualTo(200);
    Eventually.await("the second mail", Duration.ofSeconds(30), () -> mailsTo("ana@example.com") == 2);
    HttpResponse<String> third = subscribe(one, "ana@example.com");
    HttpResponse<String> fourth = subscribe(two, "ana@example.com");
    // A mail for another address through each instance after them: once they are out, the two
    // refused requests above have been handled (each instance mails in order).
    subscribe(one, "ben@example.com");
    subscribe(two, "cid@example.com");
    Eventually.await("ben's and cid's mails", Duration.ofSeconds(30),
        () -> mailsTo("ben@example.com") == 1 && mailsTo("cid@example.com") == 1);

    assertThat(List.of(third.statusCode(), fourth.statusCode())).containsOnly(200);
    assertThat(third.body()).isEqualTo(fourth.body()).contains("a confirmation mail is on its way");
    assertThat(mailsTo("ana@example.com")).as("two mails in the period, from either instance").isEqualTo(2);

    clock.advance(Duration.ofMinutes(30));
    assertThat(subscribe(two, "ana@example.com").statusCode()).isEqualTo(200);
    Eventually.await("a mail in the next period", Duration.ofSeconds(30), () -> mailsTo("ana@example.com") == 3);
  }

  @Test
  void aClientIsRefusedAfterTheConfiguredCountUntilItsPeriodEnds() throws Exception {
    NotifyingShop app = instance("perAddress: 5\naddressPeriod: 1h\nperClient: 3\nclientPeriod: 10m\n");
    for (int i = 0; i < 3; i++) {
      assertThat(subscribe(app, "user" + i + "@example.com").statusCode()).isEqualTo(200);
    }

    HttpResponse<String> fourth = subscribe(app, "user3@example.com");

    assertThat(fourth.statusCode()).isEqualTo(429);
    assertThat(fourth.headers().firstValue("Retry-After")).contains("600");
    clock.advance(Duration.ofMinutes(10));
    assertThat(subscribe(app, "user3@example.com").statusCode()).isEqualTo(200);
    Eventually.await("four confirmation mails", Duration.ofSeconds(30), () -> smtp.getReceivedMessages().length == 4);
  }

  @Test
  void theDefaultsAreTwoMailsAndTenRequestsAnHour() throws Exception {
    SubscribeLimits limits = ConfigParsing.parse("status: {}\n").getStatus().getNotifications().getSubscribers().build();

    assertThat(limits).isEqualTo(SubscribeLimits.DEFAULTS);
    assertThat(limits.perAddress()).isEqualTo(2);
    assertThat(limits.addressPeriod()).isEqualTo(Duration.ofHours(1));
    assertThat(limits.perClient()).isEqualTo(10);
    assertThat(limits.clientPeriod()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void badLimitsStopTheStartNamingTheKey() {
    assertThatThrownBy(() -> ConfigParsing.parse(
            "status:\n  notifications:\n    subscribers:\n      perAddress: 0\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("status.notifications.subscribers.perAddress must be between 1 and 100, got 0");
    assertThatThrownBy(() -> ConfigParsing.parse(
            "status:\n  notifications:\n    subscribers:\n      clientPeriod: 5s\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("status.notifications.subscribers.clientPeriod must be between 1m and 1d");
    assertThatThrownBy(() -> ConfigParsing.parse(
            "status:\n  notifications:\n    subscribers:\n      addressPeriod: 2d\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("status.notifications.subscribers.addressPeriod must be between 1m and 1d");
  }
}
