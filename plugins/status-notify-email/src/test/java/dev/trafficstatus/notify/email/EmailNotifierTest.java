package dev.trafficstatus.notify.email;

import static dev.trafficstatus.notify.email.TestNotifications.CHECKOUT;
import static dev.trafficstatus.notify.email.TestNotifications.PAGE;
import static dev.trafficstatus.notify.email.TestNotifications.SEARCH;
import static dev.trafficstatus.notify.email.TestNotifications.opened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.trafficstatus.spi.notify.Notifier;
import dev.trafficstatus.spi.notify.SendResult;
import dev.trafficstatus.spi.notify.SubscriberLinks;
import dev.trafficstatus.spi.notify.SubscriberMailer;
import dev.trafficstatus.spi.store.PendingSubscription;
import dev.trafficstatus.spi.store.Subscriber;
import dev.trafficstatus.testkit.InMemorySubscribers;
import dev.trafficstatus.testkit.MutableClock;
import dev.trafficstatus.testkit.TestNotifierContext;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mailer against GreenMail, a real SMTP server in this JVM: who gets an incident mail, what it
 * holds, one connection per send, retries that skip who was reached, STARTTLS and TLS, and the
 * password kept out of everything shown.
 */
class EmailNotifierTest {

  static final String USER = "status@example.com";
  static final String PASSWORD = "smtp-Pa55word-never-shown";
  static final SubscriberLinks LINKS = new SubscriberLinks(URI.create(PAGE));

  private final MutableClock clock = new MutableClock(TestNotifications.AT);
  private final InMemorySubscribers subscribers = new InMemorySubscribers();
  private GreenMail smtp;

  @BeforeEach
  void startSmtp() {
    smtp = new GreenMail(startingSlowly(ServerSetupTest.SMTP.dynamicPort()));
    smtp.withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, USER, PASSWORD));
    smtp.start();
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  private EmailNotifierFactory factory(int port) {
    EmailNotifierFactory factory = new EmailNotifierFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(port);
    factory.setSecurity(SmtpSecurity.NONE);
    factory.setUser(USER);
    factory.setPassword(PASSWORD);
    factory.setFrom("Shop status <status@example.com>");
    return factory;
  }

  private Notifier build(EmailNotifierFactory factory) {
    return factory.build(
        new TestNotifierContext(Duration.ofSeconds(30), clock, subscribers, URI.create(PAGE)));
  }

  /** Subscribes and confirms an address, as the page would. */
  private Subscriber confirmed(int n, String address, String... routes) {
    subscribers.addPending(
        new PendingSubscription(
            String.format("sub%09d", n), address, List.of(routes), String.format("%064x", n),
            "unsub-token-" + n, clock.instant(), clock.instant().plus(Duration.ofDays(1))));
    return subscribers.confirm(String.format("%064x", n), clock.instant()).orElseThrow();
  }

  private static List<String> recipients(MimeMessage[] messages) throws Exception {
    List<String> to = new ArrayList<>();
    for (MimeMessage message : messages) {
      to.add(message.getAllRecipients()[0].toString());
    }
    return to;
  }

  @Test
  void an_incident_mail_goes_to_the_confirmed_subscribers_who_want_its_routes() throws Exception {
    Subscriber ana = confirmed(1, "ana@example.com");
    confirmed(2, "ben@example.com", "/search");
    Subscriber cid = confirmed(3, "cid@example.com", "/checkout", "/search");
    subscribers.addPending(
        new PendingSubscription("sub000000009", "dan@example.com", List.of(), "f".repeat(64),
            "unsub-token-9", clock.instant(), clock.instant().plus(Duration.ofDays(1))));
    Notifier notifier = build(factory(smtp.getSmtp().getPort()));

    SendResult result = notifier.send(opened("evt000000001", "Checkout is failing", "Payments time out.", CHECKOUT));

    assertThat(result.outcome()).isEqualTo(SendResult.Outcome.DELIVERED);
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(recipients(received)).containsExactlyInAnyOrder(ana.address(), cid.address());
    assertThat(subscribers.sentTo("evt000000001")).containsExactlyInAnyOrder(ana.id(), cid.id());
  }

  @Test
  void every_mail_has_text_and_html_parts_and_its_own_unsubscribe_link_and_header() throws Exception {
    Subscriber ana = confirmed(1, "ana@example.com");
    Notifier notifier = build(factory(smtp.getSmtp().getPort()));

    notifier.send(opened("evt000000001", "Checkout is <failing>", "Payments time out.", CHECKOUT));

    MimeMessage mail = smtp.getReceivedMessages()[0];
    String unsubscribe = LINKS.unsubscribe(ana.unsubscribeToken()).toString();
    assertThat(mail.getSubject()).isEqualTo("Incident: Checkout is <failing>");
    assertThat(mail.getFrom()[0].toString()).isEqualTo("Shop status <status@example.com>");
    assertThat(mail.getHeader("List-Unsubscribe")).containsExactly("<" + unsubscribe + ">");
    assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    BodyPart text = parts.getBodyPart(0);
    BodyPart html = parts.getBodyPart(1);
    assertThat(text.getContentType()).startsWith("text/plain");
    assertThat((String) text.getContent())
        .contains("Status: Investigating", "Impact: Major", "Affects: /checkout", "Payments time out.",
            PAGE + "/incidents/inc000000001", unsubscribe);
    assertThat(html.getContentType()).startsWith("text/html");
    assertThat((String) html.getContent())
        .contains("Checkout is &lt;failing&gt;", "href=\"" + PAGE + "/incidents/inc000000001\"",
            "href=\"" + unsubscribe + "\"");
  }

  @Test
  void one_send_uses_one_connection_for_every_batch() throws Exception {
    for (int n = 1; n <= 23; n++) {
      confirmed(n, "user" + n + "@example.com");
    }
    try (CountingProxy proxy = new CountingProxy(smtp.getSmtp().getPort())) {
      EmailNotifierFactory factory = factory(proxy.port());
      factory.setBatchSize(5);
      Notifier notifier = build(factory);

      SendResult result = notifier.send(opened("evt000000001", "Checkout is failing", "", CHECKOUT));

      assertThat(result.outcome()).isEqualTo(SendResult.Outcome.DELIVERED);
      assertThat(smtp.getReceivedMessages()).hasSize(23);
      assertThat(proxy.connections()).isEqualTo(1);
    }
  }

  @Test
  void a_retried_send_skips_the_subscribers_an_earlier_attempt_reached() throws Exception {
    Subscriber ana = confirmed(1, "ana@example.com");
    confirmed(2, "ben@example.com");
    // An earlier attempt mailed ana's batch, then the process died.
    subscribers.recordSent("evt000000001", List.of(ana.id()), clock.instant());
    Notifier notifier = build(factory(smtp.getSmtp().getPort()));

    notifier.send(opened("evt000000001", "Checkout is failing", "", CHECKOUT));
    notifier.send(opened("evt000000001", "Checkout is failing", "", CHECKOUT));

    assertThat(recipients(smtp.getReceivedMessages())).containsExactly("ben@example.com");
  }

  @Test
  void a_mail_server_that_is_down_is_retried_and_mails_once_it_is_back() throws Exception {
    confirmed(1, "ana@example.com");
    int port = smtp.getSmtp().getPort();
    smtp.stop();
    Notifier notifier = build(factory(port));

    SendResult down = notifier.send(opened("evt000000001", "Checkout is failing", "", CHECKOUT));
    smtp = new GreenMail(startingSlowly(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)));
    smtp.withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, USER, PASSWORD));
    smtp.start();
    SendResult back = notifier.send(opened("evt000000001", "Checkout is failing", "", CHECKOUT));

    assertThat(down.outcome()).isEqualTo(SendResult.Outcome.RETRY);
    assertThat(back.outcome()).isEqualTo(SendResult.Outcome.DELIVERED);
    assertThat(recipients(smtp.getReceivedMessages())).containsExactly("ana@example.com");
  }

  @Test
  void an_unsubscribed_address_gets_nothing_more() throws Exception {
    Subscriber ana = confirmed(1, "ana@example.com");
    confirmed(2, "ben@example.com");
    Notifier notifier = build(factory(smtp.getSmtp().getPort()));

    assertThat(subscribers.unsubscribe(ana.unsubscribeToken())).isTrue();
    notifier.send(opened("evt000000001", "Checkout is failing", "", CHECKOUT));

    assertThat(recipients(smtp.getReceivedMessages())).containsExactly("ben@example.com");
  }

  @Test
  void the_confirmation_mail_carries_the_confirm_link_and_an_unsubscribe_link() throws Exception {
    SubscriberMailer mailer = (SubscriberMailer) build(factory(smtp.getSmtp().getPort()));

    mailer.sendConfirmation("ana@example.com", LINKS.confirm("confirm-token-1"), LINKS.unsubscribe("unsub-token-1"));

    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ana@example.com");
    assertThat(GreenMailUtil.getBody(mail)).contains(PAGE + "/subscribe/confirm?token=confirm-token-1");
    assertThat(mail.getHeader("List-Unsubscribe")).containsExactly("<" + PAGE + "/unsubscribe?token=unsub-token-1>");
  }

  @Test
  void starttls_is_required_by_default_and_a_server_without_it_gets_nothing() throws Exception {
    confirmed(1, "ana@example.com");
    EmailNotifierFactory factory = factory(smtp.getSmtp().getPort());
    factory.setSecurity(SmtpSecurity.STARTTLS);
    assertThat(new EmailNotifierFactory().getSecurity()).isEqualTo(SmtpSecurity.STARTTLS);

    SendResult result = build(factory).send(opened("evt000000001", "Checkout is failing", "", CHECKOUT));

    assertThat(result.outcome()).isEqualTo(SendResult.Outcome.RETRY);
    assertThat(result.error()).contains("STARTTLS");
    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(subscribers.sentTo("evt000000001")).isEmpty();
  }

  @Test
  void mail_goes_over_tls_to_a_server_that_speaks_it() throws Exception {
    confirmed(1, "ana@example.com");
    GreenMail smtps = new GreenMail(startingSlowly(ServerSetupTest.SMTPS.dynamicPort()));
    smtps.withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, USER, PASSWORD));
    smtps.start();
    try {
      EmailNotifierFactory factory = factory(smtps.getSmtps().getPort());
      factory.setSecurity(SmtpSecurity.TLS);
      factory.setTrustedHosts(List.of("127.0.0.1"));

      SendResult result = build(factory).send(opened("evt000000001", "Checkout is failing", "", CHECKOUT));

      assertThat(result.outcome()).as(result.error()).isEqualTo(SendResult.Outcome.DELIVERED);
      assertThat(recipients(smtps.getReceivedMessages())).containsExactly("ana@example.com");
    } finally {
      smtps.stop();
    }
  }

  @Test
  void the_password_is_in_no_log_record_result_or_description() throws Exception {
    confirmed(1, "ana@example.com");
    List<String> logged = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record.getLoggerName() + " " + record.getMessage() + " " + Arrays.toString(record.getParameters())
                + " " + record.getThrown());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger root = Logger.getLogger("");
    Level before = root.getLevel();
    root.addHandler(capture);
    root.setLevel(Level.ALL);
    Logger.getLogger("org.eclipse.angus").setLevel(Level.ALL);
    Logger.getLogger("jakarta.mail").setLevel(Level.ALL);
    try {
      EmailNotifierFactory right = factory(smtp.getSmtp().getPort());
      EmailNotifierFactory wrong = factory(smtp.getSmtp().getPort());
      wrong.setPassword("wrong-" + PASSWORD);
      Notifier good = build(right);
      Notifier bad = build(wrong);

      SendResult delivered = good.send(opened("evt000000001", "Checkout is failing", "", CHECKOUT));
      SendResult refused = bad.send(opened("evt000000002", "Checkout is failing", "", CHECKOUT));
      assertThatThrownBy(
              () -> ((SubscriberMailer) bad).sendConfirmation("ben@example.com", LINKS.confirm("t"), LINKS.unsubscribe("u")))
          .isInstanceOf(SubscriberMailer.MailException.class)
          .satisfies(error -> assertThat(error.getMessage()).doesNotContain(PASSWORD));

      assertThat(delivered.outcome()).isEqualTo(SendResult.Outcome.DELIVERED);
      assertThat(refused.outcome()).isEqualTo(SendResult.Outcome.RETRY);
      assertThat(refused.error()).contains("535").doesNotContain(PASSWORD);
      assertThat(logged).as("Angus logged the conversation").isNotEmpty();
      assertThat(String.join("\n", logged)).doesNotContain(PASSWORD);
      assertThat(List.of(good.describe(), good.toString(), bad.describe(), right.toString()))
          .allSatisfy(text -> assertThat(text).doesNotContain(PASSWORD));
    } finally {
      root.removeHandler(capture);
      root.setLevel(before);
    }
  }

  /** GreenMail waits 2 s for its server thread by default; a busy 2-core machine can take longer. */
  private static ServerSetup startingSlowly(ServerSetup setup) {
    setup.setServerStartupTimeout(30_000);
    return setup;
  }
}
