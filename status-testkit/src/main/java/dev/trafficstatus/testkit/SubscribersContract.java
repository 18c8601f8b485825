package dev.trafficstatus.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.store.PendingSubscription;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.Subscriber;
import dev.trafficstatus.spi.store.SubscriberStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SubscriberStore}, for a store that keeps subscribers ({@link
 * StatusStore#subscribers()}): a store plugin's contract test implements it beside extending
 * {@link StatusStoreContract}. Nothing is sent to an address before it is confirmed; a
 * confirmation token works once and only until it expires; an unsubscribe deletes the address; a
 * confirmed address is never turned back into a pending one by a new subscription.
 */
public interface SubscribersContract extends StoreUnderTest {

  /** When most tests' subscriptions are asked for. */
  Instant SUBSCRIBED = Instant.parse("2026-03-02T10:00:00Z");

  /** How long a confirmation link works in these tests. */
  Duration DAY = Duration.ofDays(1);

  /**
   * The store's subscribers.
   *
   * @param store a started store
   * @return its subscriber store
   */
  static SubscriberStore subscribers(StatusStore store) {
    return store.subscribers()
        .orElseThrow(() -> new AssertionError(store.describe() + " keeps no subscribers"));
  }

  /**
   * A pending subscription whose token hash, unsubscribe token and id derive from {@code n}.
   *
   * @param n tells subscriptions apart
   * @param address the address
   * @param routes the route filter
   * @return the subscription, asked for at {@link #SUBSCRIBED}, expiring a day later
   */
  static PendingSubscription pending(int n, String address, List<String> routes) {
    return new PendingSubscription(
        String.format("sub%09d", n),
        address,
        routes,
        hash(n),
        String.format("unsub-%04d-token-xxxxxxxxxxxx", n),
        SUBSCRIBED,
        SUBSCRIBED.plus(DAY));
  }

  /**
   * The confirmation hash of {@link #pending}'s subscription {@code n}.
   *
   * @param n the subscription's number
   * @return 64 hex characters
   */
  static String hash(int n) {
    return String.format("%064x", n);
  }

  @Test
  default void a_confirmed_subscription_is_listed_with_its_routes_and_tokens() throws Exception {
    SubscriberStore subscribers = subscribers(store());
    assertThat(subscribers.addPending(pending(1, "ana@example.com", List.of("/checkout")))).isTrue();
    assertThat(subscribers.confirmed("", 10)).as("nothing goes to an unconfirmed address").isEmpty();

    Optional<Subscriber> confirmed = subscribers.confirm(hash(1), SUBSCRIBED.plusSeconds(60));

    assertThat(confirmed).isPresent();
    assertThat(confirmed.get().address()).isEqualTo("ana@example.com");
    assertThat(confirmed.get().routes()).containsExactly("/checkout");
    assertThat(confirmed.get().confirmedAt()).isEqualTo(SUBSCRIBED.plusSeconds(60));
    assertThat(subscribers.confirmed("", 10)).containsExactly(confirmed.get());
  }

  @Test
  default void a_confirmation_token_works_once_and_not_after_it_expired() throws Exception {
    SubscriberStore subscribers = subscribers(store());
    subscribers.addPending(pending(1, "ana@example.com", List.of()));
    subscribers.addPending(pending(2, "ben@example.com", List.of()));

    assertThat(subscribers.confirm(hash(1), SUBSCRIBED.plusSeconds(1))).isPresent();
    assertThat(subscribers.confirm(hash(1), SUBSCRIBED.plusSeconds(2))).as("used").isEmpty();
    assertThat(subscribers.confirm(hash(9), SUBSCRIBED.plusSeconds(2))).as("unknown").isEmpty();
    assertThat(subscribers.confirm(hash(2), SUBSCRIBED.plus(DAY))).as("expired").isEmpty();
    assertThat(subscribers.confirmed("", 10)).extracting(Subscriber::address).containsExactly("ana@example.com");
  }

  @Test
  default void subscribing_again_replaces_a_pending_link_and_leaves_a_confirmed_address_alone() throws Exception {
    SubscriberStore subscribers = subscribers(store());
    subscribers.addPending(pending(1, "ana@example.com", List.of()));
    assertThat(subscribers.addPending(pending(2, "ana@example.com", List.of("/search")))).isTrue();
    assertThat(subscribers.confirm(hash(1), SUBSCRIBED.plusSeconds(1))).as("replaced link").isEmpty();
    Subscriber ana = subscribers.confirm(hash(2), SUBSCRIBED.plusSeconds(1)).orElseThrow();

    assertThat(subscribers.addPending(pending(3, "ana@example.com", List.of()))).isFalse();

    assertThat(subscribers.confirm(hash(3), SUBSCRIBED.plusSeconds(2))).isEmpty();
    assertThat(subscribers.confirmed("", 10)).containsExactly(ana);
    assertThat(ana.routes()).containsExactly("/search");
  }

  @Test
  default void unsubscribing_deletes_the_address_confirmed_or_pending() throws Exception {
    SubscriberStore subscribers = subscribers(store());
    subscribers.addPending(pending(1, "ana@example.com", List.of()));
    subscribers.addPending(pending(2, "ben@example.com", List.of()));
    Subscriber ana = subscribers.confirm(hash(1), SUBSCRIBED.plusSeconds(1)).orElseThrow();

    assertThat(subscribers.unsubscribe(ana.unsubscribeToken())).isTrue();
    assertThat(subscribers.unsubscribe(pending(2, "ben@example.com", List.of()).unsubscribeToken())).isTrue();

    assertThat(subscribers.confirmed("", 10)).isEmpty();
    assertThat(subscribers.unsubscribe(ana.unsubscribeToken())).as("already gone").isFalse();
    assertThat(subscribers.confirm(hash(2), SUBSCRIBED.plusSeconds(2))).as("pending one gone").isEmpty();
    assertThat(subscribers.addPending(pending(3, "ana@example.com", List.of())))
        .as("the address may subscribe again")
        .isTrue();
  }

  @Test
  default void confirmed_subscribers_come_in_pages_by_id() throws Exception {
    SubscriberStore subscribers = subscribers(store());
    for (int n = 1; n <= 5; n++) {
      subscribers.addPending(pending(n, "user" + n + "@example.com", List.of()));
      subscribers.confirm(hash(n), SUBSCRIBED.plusSeconds(n));
    }

    List<Subscriber> first = subscribers.confirmed("", 2);
    List<Subscriber> second = subscribers.confirmed(first.get(1).id(), 2);
    List<Subscriber> last = subscribers.confirmed(second.get(1).id(), 2);

    assertThat(first).extracting(Subscriber::address).containsExactly("user1@example.com", "user2@example.com");
    assertThat(second).extracting(Subscriber::address).containsExactly("user3@example.com", "user4@example.com");
    assertThat(last).extracting(Subscriber::address).containsExactly("user5@example.com");
  }

  @Test
  default void what_an_event_reached_is_remembered_until_forgotten() throws Exception {
    StatusStore store = store();
    SubscriberStore subscribers = subscribers(store);
    subscribers.recordSent("event0000001", List.of("sub000000001", "sub000000002"), SUBSCRIBED);
    subscribers.recordSent("event0000001", List.of("sub000000002", "sub000000003"), SUBSCRIBED);
    subscribers.recordSent("event0000002", List.of("sub000000001"), SUBSCRIBED.plus(DAY));

    subscribers = subscribers(restarted(store));
    assertThat(subscribers.sentTo("event0000001"))
        .containsExactlyInAnyOrder("sub000000001", "sub000000002", "sub000000003");

    subscribers.deleteExpired(SUBSCRIBED, SUBSCRIBED.plusSeconds(1));

    assertThat(subscribers.sentTo("event0000001")).isEmpty();
    assertThat(subscribers.sentTo("event0000002")).containsExactly("sub000000001");
  }

  @Test
  default void expired_pending_subscriptions_are_deleted_and_confirmed_ones_kept() throws Exception {
    SubscriberStore subscribers = subscribers(store());
    subscribers.addPending(pending(1, "ana@example.com", List.of()));
    subscribers.addPending(pending(2, "ben@example.com", List.of()));
    subscribers.confirm(hash(1), SUBSCRIBED.plusSeconds(1));

    int deleted = subscribers.deleteExpired(SUBSCRIBED.plus(DAY), SUBSCRIBED);

    assertThat(deleted).isEqualTo(1);
    assertThat(subscribers.confirmed("", 10)).extracting(Subscriber::address).containsExactly("ana@example.com");
  }

  /** A pending subscription like {@link #pending}, asked for at another moment. */
  private static PendingSubscription pendingAt(int n, String address, Instant at) {
    return new PendingSubscription(String.format("sub%09d", n), address, List.of(), hash(n),
        String.format("unsub-%04d-token-xxxxxxxxxxxx", n), at, at.plus(DAY));
  }

  @Test
  default void the_mails_of_an_address_are_counted_per_period_by_the_store() throws Exception {
    StatusStore store = store();
    SubscriberStore subscribers = subscribers(store);
    Duration hour = Duration.ofHours(1);
    assertThat(subscribers.addPending(pendingAt(1, "ana@example.com", SUBSCRIBED), 2, hour)).isTrue();
    assertThat(subscribers.addPending(pendingAt(2, "ana@example.com", SUBSCRIBED.plusSeconds(600)), 2, hour)).isTrue();

    // Another process on the same database: the count is the store's.
    SubscriberStore other = subscribers(restarted(store));
    assertThat(other.addPending(pendingAt(3, "ana@example.com", SUBSCRIBED.plusSeconds(1200)), 2, hour))
        .as("a third mail within the hour").isFalse();
    assertThat(other.confirm(hash(3), SUBSCRIBED.plusSeconds(1300))).as("nothing was recorded").isEmpty();
    assertThat(other.addPending(pendingAt(4, "ben@example.com", SUBSCRIBED.plusSeconds(1200)), 2, hour))
        .as("another address counts apart").isTrue();
    assertThat(other.addPending(pendingAt(5, "ana@example.com", SUBSCRIBED.plus(hour)), 2, hour))
        .as("a new period").isTrue();
    assertThat(other.addPending(pendingAt(6, "ana@example.com", SUBSCRIBED.plus(hour).plusSeconds(1)), 2, hour))
        .isTrue();
    assertThat(other.addPending(pendingAt(7, "ana@example.com", SUBSCRIBED.plus(hour).plusSeconds(2)), 2, hour))
        .isFalse();

    assertThat(other.confirm(hash(6), SUBSCRIBED.plus(hour).plusSeconds(3))).as("the last recorded link works")
        .isPresent();
    assertThat(other.addPending(pendingAt(8, "ana@example.com", SUBSCRIBED.plus(DAY)), 2, hour))
        .as("a confirmed address gets no mail").isFalse();
  }
}
