package dev.trafficstatus.store.jdbi.internal;

import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.Delivery;
import dev.trafficstatus.spi.store.DeliveryAttempt;
import dev.trafficstatus.spi.store.OutboxEvent;
import dev.trafficstatus.spi.store.OutboxStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The outbox: events in {@code status_outbox_events}, deliveries per event and receiver, and the
 * log of attempts (change set 10-outbox-deliveries), and the routes' last judged states in {@code
 * status_route_states} (13-route-states).
 *
 * <p>A claim, in one transaction, creates the receivers' missing deliveries of events since
 * {@code since}, selects the heads of line that are due and not leased, and leases them. Claimers
 * in different processes never take the same delivery: on PostgreSQL the select skips rows another
 * claimer has locked ({@link Dialect#claimLocking()}), and the lease is a conditional update that,
 * after waiting for a concurrent claimer's transaction, finds the row leased and leaves it. Claims
 * in one process take turns (the only protection H2 needs, its file being one process's).
 */
public final class Outbox implements OutboxStore {

  /** The longest receiver or owner name the tables keep, in characters. */
  public static final int MAX_NAME_LENGTH = 200;

  /** Claims whose delivery rows another claimer inserted at the same moment are tried again. */
  private static final int CLAIM_TRIES = 3;

  private final Database database;
  private final Dialect dialect;
  private final ReentrantLock claiming = new ReentrantLock();

  /**
   * @param database the store's database
   * @param dialect its dialect
   */
  public Outbox(Database database, Dialect dialect) {
    this.database = database;
    this.dialect = dialect;
  }

  @Override
  public void append(List<OutboxEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    List<EventRow> rows = events.stream().map(EventRow::of).toList();
    database.useTransaction(session -> new NoticeDao(session).insertEvents(rows));
  }

  @Override
  public Map<RouteKey, Health> routeStates() {
    return database.withHandle(session -> {
      Map<RouteKey, Health> states = new HashMap<>();
      session.createQuery("SELECT service, rule, state FROM status_route_states")
          .map(row -> Map.entry(
              new RouteKey(row.getString("service"), row.getString("rule")), Health.valueOf(row.getString("state"))))
          .forEach(entry -> states.put(entry.getKey(), entry.getValue()));
      return states;
    });
  }

  @Override
  public void recordRouteStates(Map<RouteKey, Health> states, Instant judgedAt, List<OutboxEvent> events) {
    if (states.isEmpty() && events.isEmpty()) {
      return;
    }
    long at = UtcPeriods.micros(judgedAt);
    List<EventRow> rows = events.stream().map(EventRow::of).toList();
    database.useTransaction(session -> {
      // The evaluator writes these one process at a time: update, else insert, cannot race.
      for (Map.Entry<RouteKey, Health> state : states.entrySet()) {
        int updated = session.createUpdate(
                "UPDATE status_route_states SET state = :state, changed_at = :at WHERE service = :service AND rule = :rule")
            .bind("state", state.getValue().name())
            .bind("at", at)
            .bind("service", state.getKey().service())
            .bind("rule", state.getKey().rule())
            .execute();
        if (updated == 0) {
          session.createUpdate(
                  "INSERT INTO status_route_states (service, rule, state, changed_at) VALUES (:service, :rule, :state, :at)")
              .bind("service", state.getKey().service())
              .bind("rule", state.getKey().rule())
              .bind("state", state.getValue().name())
              .bind("at", at)
              .execute();
        }
      }
      if (!rows.isEmpty()) {
        new NoticeDao(session).insertEvents(rows);
      }
    });
  }

  @Override
  public Set<String> firingAlerts() {
    return database.withHandle(session -> new HashSet<>(
        session.createQuery("SELECT alert_key FROM status_alert_states").mapTo(String.class).list()));
  }

  @Override
  public void recordAlerts(Set<String> started, Set<String> stopped, Instant judgedAt, List<OutboxEvent> events) {
    if (started.isEmpty() && stopped.isEmpty() && events.isEmpty()) {
      return;
    }
    long at = UtcPeriods.micros(judgedAt);
    List<EventRow> rows = events.stream().map(EventRow::of).toList();
    database.useTransaction(session -> {
      // The evaluator writes these one process at a time: delete, then insert, cannot race.
      for (String key : stopped) {
        session.createUpdate("DELETE FROM status_alert_states WHERE alert_key = :key").bind("key", key).execute();
      }
      for (String key : started) {
        session.createUpdate("DELETE FROM status_alert_states WHERE alert_key = :key").bind("key", key).execute();
        session.createUpdate("INSERT INTO status_alert_states (alert_key, since) VALUES (:key, :at)")
            .bind("key", key)
            .bind("at", at)
            .execute();
      }
      if (!rows.isEmpty()) {
        new NoticeDao(session).insertEvents(rows);
      }
    });
  }

  @Override
  public List<Delivery> claim(
      Set<String> receivers,
      Instant since,
      Instant now,
      Instant leaseUntil,
      String owner,
      int limit) {
    if (receivers.isEmpty() || limit <= 0) {
      return List.of();
    }
    // Sorted, so concurrent claimers insert delivery rows in the same order and never deadlock.
    List<String> sorted = List.copyOf(new TreeSet<>(receivers));
    claiming.lock();
    try {
      for (int tried = 1; ; tried++) {
        try {
          return claimOnce(
              sorted,
              UtcPeriods.micros(since),
              UtcPeriods.micros(now),
              UtcPeriods.micros(leaseUntil),
              owner,
              limit);
        } catch (SqlFailure raced) {
          if (tried >= CLAIM_TRIES || !raced.isUniqueViolation()) {
            throw raced;
          }
        }
      }
    } finally {
      claiming.unlock();
    }
  }

  private List<Delivery> claimOnce(
      List<String> receivers, long since, long now, long leaseUntil, String owner, int limit) {
    return database.inTransaction(
        session -> {
          Dialect.Statements statements = dialect.statements(session);
          for (String receiver : receivers) {
            statements.createDeliveries(receiver, since);
          }
          OutboxDao dao = new OutboxDao(session);
          List<ClaimedRow> rows =
              dao.claimable(receivers, since, now, limit, dialect.claimLocking());
          if (rows.isEmpty()) {
            return List.of();
          }
          int[] leased = dao.lease(rows, owner, leaseUntil, now);
          List<Delivery> claimed = new ArrayList<>(rows.size());
          for (int i = 0; i < rows.size(); i++) {
            if (leased[i] == 1) {
              claimed.add(rows.get(i).toDelivery());
            }
          }
          return claimed;
        });
  }

  @Override
  public void record(DeliveryAttempt attempt) {
    database.useTransaction(
        session -> {
          OutboxDao dao = new OutboxDao(session);
          Optional<Long> seq = dao.seqOf(attempt.eventId());
          if (seq.isEmpty()) {
            // Deleted past retention while it was being sent: nothing left to log it against.
            return;
          }
          AttemptRow row = AttemptRow.of(seq.get(), attempt);
          dao.insertAttempt(row);
          dao.settle(row, row.deliveryState());
        });
  }

  @Override
  public List<DeliveryAttempt> attempts(String eventId) {
    return database.withHandle(
        session -> {
          OutboxDao dao = new OutboxDao(session);
          return dao.seqOf(eventId)
              .map(seq -> dao.attempts(seq).stream().map(row -> row.toAttempt(eventId)).toList())
              .orElse(List.of());
        });
  }

  @Override
  public List<OutboxEvent> events(String noticeId) {
    return database.withHandle(
        session -> new OutboxDao(session).eventsOf(noticeId).stream().map(EventRow::toEvent).toList());
  }

  @Override
  public int deleteBefore(Instant before) {
    return database.withHandle(
        session -> new OutboxDao(session).deleteBefore(UtcPeriods.micros(before)));
  }
}
