package dev.trafficstatus.spi.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the addresses that subscribed to incident mail, and which of them an event's mail
 * already reached; a part of a {@link StatusStore} that offers it ({@link
 * StatusStore#subscribers()}). An address is kept for this only, and deleted when it unsubscribes
 * or its confirmation expires. Shared by every process on the same database, thread-safe; every
 * method throws {@link StoreException} when the database cannot be reached or refuses.
 */
public interface SubscriberStore {

  /**
   * Records a subscription waiting for confirmation. A pending subscription of the same address
   * (expired or not) is replaced, so only the newest confirmation link works; a confirmed address
   * is left as it is.
   *
   * @param pending the subscription
   * @return true when it was recorded (a confirmation mail is due), false when the address is
   *     already confirmed (nothing changed)
   */
  boolean addPending(PendingSubscription pending);

  /**
   * Records a subscription waiting for confirmation as {@link #addPending(PendingSubscription)}
   * does, unless its address was already sent {@code maxMails} confirmation mails in the current
   * period: the limit per address, counted by the store so that every process sharing it holds the
   * same one. A period starts with the first mail after the last period ended, and lasts {@code
   * period}; the count is kept with the pending subscription, so {@code period} must not outlast
   * the subscription's {@link PendingSubscription#expiresAt()}.
   *
   * @param pending the subscription; its {@code createdAt} is "now"
   * @param maxMails confirmation mails per address and period, at least 1
   * @param period the period's length
   * @return true when it was recorded (a confirmation mail is due and counted), false when the
   *     address is confirmed already or had its mails this period (nothing changed: the link it
   *     last got keeps working)
   * @throws UnsupportedOperationException when the store cannot count (this default): the caller
   *     then counts in its own process
   */
  default boolean addPending(PendingSubscription pending, int maxMails, Duration period) {
    throw new UnsupportedOperationException("this store does not count confirmation mails");
  }

  /**
   * Confirms the pending subscription whose confirmation token has this hash, if it has not
   * expired; the token works once.
   *
   * @param confirmationHash the SHA-256 of the token, hex
   * @param now the current time
   * @return the subscriber, or empty when no unexpired pending subscription has that token
   */
  Optional<Subscriber> confirm(String confirmationHash, Instant now);

  /**
   * Deletes the subscriber (confirmed or pending) with this unsubscribe token, address included.
   *
   * @param unsubscribeToken the token of the link
   * @return true when one was deleted
   */
  boolean unsubscribe(String unsubscribeToken);

  /**
   * Confirmed subscribers, by id, a page at a time.
   *
   * @param afterId the id after which to start, or the empty string for the first page
   * @param limit how many at most
   * @return the subscribers with ids greater than {@code afterId}, ordered by id
   */
  List<Subscriber> confirmed(String afterId, int limit);

  /**
   * The subscribers an event's mail already reached, so a retried send skips them.
   *
   * @param eventId the outbox event's id
   * @return their ids
   */
  Set<String> sentTo(String eventId);

  /**
   * Records that an event's mail reached these subscribers (after each batch of a send).
   *
   * @param eventId the outbox event's id
   * @param subscriberIds the subscribers reached
   * @param at when
   */
  void recordSent(String eventId, Collection<String> subscriberIds, Instant at);

  /**
   * Forgets pending subscriptions past their expiry, and the record of mails sent before a moment.
   *
   * @param now the current time: pending subscriptions that expired by then are deleted
   * @param sentBefore records of mails sent before this are deleted
   * @return how many rows were deleted
   */
  int deleteExpired(Instant now, Instant sentBefore);
}
