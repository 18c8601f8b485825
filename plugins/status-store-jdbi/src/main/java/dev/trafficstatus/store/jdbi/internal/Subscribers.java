package dev.trafficstatus.store.jdbi.internal;

import dev.trafficstatus.spi.store.PendingSubscription;
import dev.trafficstatus.spi.store.Subscriber;
import dev.trafficstatus.spi.store.SubscriberStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Subscribers in {@code status_subscribers} and the record of sent mail in {@code
 * status_subscriber_sends} (change set 11-subscribers), with each pending address's period of
 * confirmation mails (15-subscriber-mail-periods). Each call is one transaction; two subscriptions
 * of one address at the same moment (in two processes) meet the address's unique constraint, and
 * the later one is tried again, reading what the first wrote: so the mails of a period are counted
 * once each, whichever process counts them.
 */
public final class Subscribers implements SubscriberStore {

  private static final String COLUMNS = "id, address, routes, confirmed_at, unsubscribe_token";

  private final Database database;

  /** @param database the store's database */
  public Subscribers(Database database) {
    this.database = database;
  }

  @Override
  public boolean addPending(PendingSubscription pending) {
    return addPending(pending, Integer.MAX_VALUE, Duration.ofSeconds(1));
  }

  @Override
  public boolean addPending(PendingSubscription pending, int maxMails, Duration period) {
    long now = UtcPeriods.micros(pending.createdAt());
    long length = period.toNanos() / 1_000;
    for (int tried = 1; ; tried++) {
      try {
        return database.inTransaction(session -> addPending(session, pending, maxMails, now, length));
      } catch (SqlFailure raced) {
        if (tried >= 2 || !raced.isUniqueViolation()) {
          throw raced;
        }
      }
    }
  }

  /** The address's row now: its state and mail period, if it has one. */
  private record Known(String state, Long periodStart, int periodMails) {}

  private static boolean addPending(
      Session session, PendingSubscription pending, int maxMails, long now, long period) {
    Optional<Known> known =
        session.createQuery("SELECT state, period_start, period_mails FROM status_subscribers WHERE address = :address")
            .bind("address", pending.address())
            .map(Subscribers::known)
            .list()
            .stream()
            .findFirst();
    if (known.isPresent() && known.get().state().equals("CONFIRMED")) {
      return false;
    }
    long periodStart = now;
    int periodMails = 1;
    if (known.isPresent() && known.get().periodStart() != null && now < known.get().periodStart() + period) {
      if (known.get().periodMails() >= maxMails) {
        return false;
      }
      periodStart = known.get().periodStart();
      periodMails = known.get().periodMails() + 1;
    }
    session.createUpdate("DELETE FROM status_subscribers WHERE address = :address")
        .bind("address", pending.address())
        .execute();
    session.createUpdate(
            """
            INSERT INTO status_subscribers
              (id, address, routes, state, confirmation_hash, unsubscribe_token, created_at, expires_at,
               period_start, period_mails)
            VALUES (:id, :address, :routes, 'PENDING', :hash, :unsubscribe, :createdAt, :expiresAt,
                    :periodStart, :periodMails)
            """)
        .bind("id", pending.id())
        .bind("address", pending.address())
        .bind("routes", String.join("\n", pending.routes()))
        .bind("hash", pending.confirmationHash())
        .bind("unsubscribe", pending.unsubscribeToken())
        .bind("createdAt", UtcPeriods.micros(pending.createdAt()))
        .bind("expiresAt", UtcPeriods.micros(pending.expiresAt()))
        .bind("periodStart", periodStart)
        .bind("periodMails", periodMails)
        .execute();
    return true;
  }

  @Override
  public Optional<Subscriber> confirm(String confirmationHash, Instant now) {
    long at = UtcPeriods.micros(now);
    return database.inTransaction(
        session -> {
          Optional<Subscriber> found =
              session.createQuery(
                      "SELECT id, address, routes, :now AS confirmed_at, unsubscribe_token"
                          + " FROM status_subscribers"
                          + " WHERE confirmation_hash = :hash AND state = 'PENDING' AND expires_at > :now")
                  .bind("hash", confirmationHash)
                  .bind("now", at)
                  .map(Subscribers::subscriber)
                  .list()
                  .stream()
                  .findFirst();
          if (found.isEmpty()) {
            return found;
          }
          // Conditional, so of two confirmations at once only one sees the token unused.
          int confirmed =
              session.createUpdate(
                      """
                      UPDATE status_subscribers
                      SET state = 'CONFIRMED', confirmation_hash = NULL, expires_at = NULL, confirmed_at = :now
                      WHERE id = :id AND confirmation_hash = :hash AND state = 'PENDING'
                      """)
                  .bind("id", found.get().id())
                  .bind("hash", confirmationHash)
                  .bind("now", at)
                  .execute();
          return confirmed == 1 ? found : Optional.<Subscriber>empty();
        });
  }

  @Override
  public boolean unsubscribe(String unsubscribeToken) {
    return database.withHandle(
            session ->
                session.createUpdate("DELETE FROM status_subscribers WHERE unsubscribe_token = :token")
                    .bind("token", unsubscribeToken)
                    .execute())
        > 0;
  }

  @Override
  public List<Subscriber> confirmed(String afterId, int limit) {
    return database.withHandle(
        session ->
            session.createQuery(
                    "SELECT " + COLUMNS + " FROM status_subscribers"
                        + " WHERE state = 'CONFIRMED' AND id > :after ORDER BY id LIMIT :limit")
                .bind("after", afterId)
                .bind("limit", limit)
                .map(Subscribers::subscriber)
                .list());
  }

  @Override
  public Set<String> sentTo(String eventId) {
    return database.withHandle(
        session ->
            new HashSet<>(
                session.createQuery("SELECT subscriber_id FROM status_subscriber_sends WHERE event_id = :event")
                    .bind("event", eventId)
                    .mapTo(String.class)
                    .list()));
  }

  @Override
  public void recordSent(String eventId, Collection<String> subscriberIds, Instant at) {
    if (subscriberIds.isEmpty()) {
      return;
    }
    database.useTransaction(
        session -> {
          // One sender at a time sends an event, so "insert unless there" cannot race.
          Batch batch =
              session.prepareBatch(
                  """
                  INSERT INTO status_subscriber_sends (event_id, subscriber_id, sent_at)
                  SELECT :event, :subscriber, :at FROM (SELECT 1 AS one) o
                  WHERE NOT EXISTS (SELECT 1 FROM status_subscriber_sends
                                    WHERE event_id = :event AND subscriber_id = :subscriber)
                  """);
          for (String subscriber : new HashSet<>(subscriberIds)) {
            batch.bind("event", eventId).bind("subscriber", subscriber).bind("at", UtcPeriods.micros(at)).add();
          }
          batch.execute();
        });
  }

  @Override
  public int deleteExpired(Instant now, Instant sentBefore) {
    return database.inTransaction(
        session ->
            session.createUpdate("DELETE FROM status_subscribers WHERE state = 'PENDING' AND expires_at <= :now")
                    .bind("now", UtcPeriods.micros(now))
                    .execute()
                + session.createUpdate("DELETE FROM status_subscriber_sends WHERE sent_at < :before")
                    .bind("before", UtcPeriods.micros(sentBefore))
                    .execute());
  }

  private static Known known(ResultSet row) throws SQLException {
    long periodStart = row.getLong("period_start");
    return new Known(
        row.getString("state"), row.wasNull() ? null : periodStart, row.getInt("period_mails"));
  }

  private static Subscriber subscriber(ResultSet row) throws SQLException {
    String routes = row.getString("routes");
    return new Subscriber(
        row.getString("id"),
        row.getString("address"),
        routes.isEmpty() ? List.of() : Arrays.asList(routes.split("\n")),
        UtcPeriods.instantOfMicros(row.getLong("confirmed_at")),
        row.getString("unsubscribe_token"));
  }
}
