package dev.trafficstatus.core.subscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.spi.InvalidSettingException;
import dev.trafficstatus.spi.notify.SubscriberLinks;
import dev.trafficstatus.spi.notify.SubscriberMailer;
import dev.trafficstatus.spi.store.PendingSubscription;
import dev.trafficstatus.spi.store.Subscriber;
import dev.trafficstatus.testkit.InMemorySubscribers;
import dev.trafficstatus.testkit.MutableClock;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Double opt-in with the test kit's in-memory subscribers and a mailer that keeps what it was
 * asked to send: who gets mail, what the form answers, the limits, and what is stored.
 */
class SubscriptionsTest {

  private record Mail(String address, URI confirm, URI unsubscribe) {
    String confirmToken() {
      return confirm.getQuery().substring("token=".length());
    }
  }

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
  private final List<Mail> mails = new ArrayList<>();
  private final List<PendingSubscription> stored = new ArrayList<>();
  private final InMemorySubscribers subscribers = new InMemorySubscribers();
  private final SubscriberMailer mailer = (address, confirm, unsubscribe) -> mails.add(new Mail(address, confirm, unsubscribe));
  private final Subscriptions subscriptions =
      new Subscriptions(
          new RecordingSubscribers(subscribers, stored),
          mailer,
          new SubscriberLinks(URI.create("https://status.example.com/status")),
          SubscribeLimits.DEFAULTS,
          clock,
          new SecureRandom(),
          Runnable::run,
          System.getLogger("test"));

  @Test
  void a_confirmation_mail_goes_out_and_its_link_subscribes_once() {
    assertThat(subscriptions.subscribe(" Ana@Example.com ", List.of("/checkout"), "10.0.0.1"))
        .isEqualTo(SubscribeAnswer.ACCEPTED);

    assertThat(mails).hasSize(1);
    Mail mail = mails.get(0);
    assertThat(mail.address()).isEqualTo("ana@example.com");
    assertThat(mail.confirm().toString()).startsWith("https://status.example.com/status/subscribe/confirm?token=");
    assertThat(subscribers.confirmed("", 10)).as("nothing before the link is used").isEmpty();

    assertThat(subscriptions.confirm(mail.confirmToken())).isTrue();
    assertThat(subscriptions.confirm(mail.confirmToken())).as("single use").isFalse();
    Subscriber ana = subscribers.confirmed("", 10).get(0);
    assertThat(ana.address()).isEqualTo("ana@example.com");
    assertThat(ana.routes()).containsExactly("/checkout");
    assertThat(mail.unsubscribe().toString())
        .isEqualTo("https://status.example.com/status/unsubscribe?token=" + ana.unsubscribeToken());
  }

  @Test
  void only_the_tokens_hash_is_stored() {
    subscriptions.subscribe("ana@example.com", List.of(), "10.0.0.1");

    String token = mails.get(0).confirmToken();
    assertThat(stored.get(0).confirmationHash()).isEqualTo(Subscriptions.hash(token)).isNotEqualTo(token).hasSize(64);
  }

  @Test
  void the_answer_is_the_same_for_new_pending_and_confirmed_addresses() {
    subscriptions.subscribe("ana@example.com", List.of(), "10.0.0.1");
    subscriptions.confirm(mails.get(0).confirmToken());
    subscriptions.subscribe("ben@example.com", List.of(), "10.0.0.1");

    SubscribeAnswer confirmed = subscriptions.subscribe("ana@example.com", List.of(), "10.0.0.2");
    SubscribeAnswer pending = subscriptions.subscribe("ben@example.com", List.of(), "10.0.0.2");
    SubscribeAnswer unknown = subscriptions.subscribe("cid@example.com", List.of(), "10.0.0.2");

    assertThat(List.of(confirmed, pending, unknown)).containsOnly(SubscribeAnswer.ACCEPTED);
    assertThat(mails).extracting(Mail::address)
        .as("a confirmed address gets no second mail; a pending one gets a new link")
        .containsExactly("ana@example.com", "ben@example.com", "ben@example.com", "cid@example.com");
  }

  @Test
  void an_address_gets_at_most_two_mails_an_hour_whoever_asks() {
    for (int i = 0; i < 5; i++) {
      assertThat(subscriptions.subscribe("ana@example.com", List.of(), "10.0.0." + i))
          .isEqualTo(SubscribeAnswer.ACCEPTED);
    }
    assertThat(mails).hasSize(2);

    clock.advance(Duration.ofHours(1));
    subscriptions.subscribe("ana@example.com", List.of(), "10.0.0.9");

    assertThat(mails).hasSize(3);
  }

  @Test
  void a_client_may_ask_ten_times_an_hour() {
    for (int i = 0; i < 10; i++) {
      assertThat(subscriptions.subscribe("user" + i + "@example.com", List.of(), "10.0.0.1"))
          .isEqualTo(SubscribeAnswer.ACCEPTED);
    }

    assertThat(subscriptions.subscribe("more@example.com", List.of(), "10.0.0.1"))
        .isEqualTo(SubscribeAnswer.TOO_MANY_REQUESTS);
    assertThat(subscriptions.subscribe("more@example.com", List.of(), "10.0.0.2"))
        .isEqualTo(SubscribeAnswer.ACCEPTED);
    assertThat(mails).hasSize(11);
  }

  @Test
  void what_is_not_an_address_is_refused_and_changes_nothing() {
    for (String bad : new String[] {"", "ana", "ana@", "@example.com", "ana@example", "a b@example.com",
        "ana@example.com\r\nBcc: x@example.com", "x".repeat(250) + "@example.com"}) {
      assertThat(subscriptions.subscribe(bad, List.of(), "10.0.0.1")).as(bad).isEqualTo(SubscribeAnswer.INVALID);
    }
    for (String badRoute : new String[] {"", " /checkout", "/check\nout", "/" + "x".repeat(200)}) {
      assertThat(subscriptions.subscribe("ana@example.com", List.of(badRoute), "10.0.0.1"))
          .as(badRoute).isEqualTo(SubscribeAnswer.INVALID);
    }

    assertThat(mails).isEmpty();
    assertThat(stored).isEmpty();
  }

  @Test
  void a_link_older_than_a_day_confirms_nothing() {
    subscriptions.subscribe("ana@example.com", List.of(), "10.0.0.1");
    clock.advance(Duration.ofDays(1));

    assertThat(subscriptions.confirm(mails.get(0).confirmToken())).isFalse();
    assertThat(subscribers.confirmed("", 10)).isEmpty();
  }

  @Test
  void unsubscribing_deletes_the_subscriber() {
    subscriptions.subscribe("ana@example.com", List.of(), "10.0.0.1");
    subscriptions.confirm(mails.get(0).confirmToken());
    String token = mails.get(0).unsubscribe().getQuery().substring("token=".length());

    assertThat(subscriptions.unsubscribe(token)).isTrue();
    assertThat(subscribers.confirmed("", 10)).isEmpty();
    assertThat(subscriptions.unsubscribe(token)).isFalse();
    assertThat(subscriptions.unsubscribe("not a token")).isFalse();
  }

  @Test
  void the_route_picker_may_name_any_route_the_page_shows() {
    List<String> routes = List.of("/items/{id}", "healthcheck:database", "Payment provider");

    assertThat(subscriptions.subscribe("ana@example.com", routes, "10.0.0.1")).isEqualTo(SubscribeAnswer.ACCEPTED);
    subscriptions.confirm(mails.get(0).confirmToken());

    assertThat(subscribers.confirmed("", 10).get(0).routes()).containsExactlyElementsOf(routes);
  }

  @Test
  void the_limits_are_the_configured_ones() {
    Subscriptions strict = new Subscriptions(
        subscribers, mailer, new SubscriberLinks(URI.create("https://status.example.com/status")),
        new SubscribeLimits(1, Duration.ofMinutes(10), 2, Duration.ofMinutes(5), Duration.ofDays(1)),
        clock, new SecureRandom(), Runnable::run, System.getLogger("test"));

    assertThat(strict.subscribe("ana@example.com", List.of(), "10.0.0.1")).isEqualTo(SubscribeAnswer.ACCEPTED);
    assertThat(strict.subscribe("ana@example.com", List.of(), "10.0.0.2")).isEqualTo(SubscribeAnswer.ACCEPTED);
    assertThat(strict.subscribe("ben@example.com", List.of(), "10.0.0.1")).isEqualTo(SubscribeAnswer.ACCEPTED);
    assertThat(strict.subscribe("cid@example.com", List.of(), "10.0.0.1")).isEqualTo(SubscribeAnswer.TOO_MANY_REQUESTS);
    assertThat(mails).extracting(Mail::address).containsExactly("ana@example.com", "ben@example.com");

    clock.advance(Duration.ofMinutes(10));
    assertThat(strict.subscribe("ana@example.com", List.of(), "10.0.0.1")).isEqualTo(SubscribeAnswer.ACCEPTED);
    assertThat(mails).extracting(Mail::address).containsExactly("ana@example.com", "ben@example.com", "ana@example.com");
  }

  @Test
  void limits_out_of_bounds_are_refused_naming_the_setting() {
    assertThatThrownBy(() -> new SubscribeLimits(0, Duration.ofHours(1), 10, Duration.ofHours(1), Duration.ofDays(1)))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("perAddress");
    assertThatThrownBy(() -> new SubscribeLimits(2, Duration.ofHours(1), 10, Duration.ofSeconds(5), Duration.ofDays(1)))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("clientPeriod");
    assertThatThrownBy(() -> new SubscribeLimits(2, Duration.ofHours(2), 10, Duration.ofHours(1), Duration.ofHours(1)))
        .as("the count is kept with the waiting subscription: no longer than its link works")
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("addressPeriod");
  }
}
