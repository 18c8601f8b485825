package dev.trafficstatus.store.jdbi.internal;

import java.util.List;
import java.util.Optional;

/**
 * The outbox's deliveries and attempts; events are appended by {@link NoticeDao#insertEvents}.
 * Creating deliveries is an insert that races between claimers, so it is in {@link
 * Dialect.Statements#createDeliveries} (on {@link #CREATE_DELIVERIES}).
 */
public final class OutboxDao {

  /**
   * Creates a receiver's deliveries of the events created at or after {@code :since} that have
   * none for it yet, in event order. Parameters: {@code :receiver}, {@code :since}.
   */
  public static final String CREATE_DELIVERIES =
      """
      INSERT INTO status_outbox_deliveries
        (event_seq, receiver, notice_key, created_at, state, attempts)
      SELECT e.seq, CAST(:receiver AS VARCHAR(200)), COALESCE(e.notice_id, ''), e.created_at,
             'PENDING', 0
      FROM status_outbox_events e
      WHERE e.created_at >= :since
        AND NOT EXISTS (SELECT 1 FROM status_outbox_deliveries d
                        WHERE d.event_seq = e.seq AND d.receiver = CAST(:receiver AS VARCHAR(200)))
      ORDER BY e.seq
      """;

  private static final RowMapper<ClaimedRow> CLAIMED_ROWS = RowMapper.ofRecord(ClaimedRow.class);
  private static final RowMapper<AttemptRow> ATTEMPT_ROWS = RowMapper.ofRecord(AttemptRow.class);
  private static final RowMapper<EventRow> EVENT_ROWS = RowMapper.ofRecord(EventRow.class);

  private final Session session;

  /**
   * @param session the session the statements run on
   */
  public OutboxDao(Session session) {
    this.session = session;
  }

  /**
   * The deliveries a claim may take, oldest event first: pending, of a receiver asked for, of an
   * event created at or after {@code :since}, due, not leased, and the oldest pending one of its
   * receiver and notice key (head of line: a later event of the same notice waits for it).
   *
   * @param receivers the receivers
   * @param since epoch microseconds
   * @param now epoch microseconds
   * @param limit how many at most
   * @param locking {@link Dialect#claimLocking()}
   * @return the deliveries with their events
   */
  public List<ClaimedRow> claimable(
      List<String> receivers, long since, long now, int limit, String locking) {
    return session
        .createQuery(
            """
            SELECT d.event_seq, d.receiver, d.attempts, e.id, e.type, e.notice_id, e.created_at, e.payload
            FROM status_outbox_deliveries d
            JOIN status_outbox_events e ON e.seq = d.event_seq
            WHERE d.receiver IN (<receivers>)
              AND d.state = 'PENDING'
              AND d.created_at >= :since
              AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= :now)
              AND (d.lease_until IS NULL OR d.lease_until <= :now)
              AND NOT EXISTS (SELECT 1 FROM status_outbox_deliveries o
                              WHERE o.receiver = d.receiver
                                AND o.state = 'PENDING'
                                AND o.notice_key = d.notice_key
                                AND o.created_at >= :since
                                AND o.event_seq < d.event_seq)
            ORDER BY d.event_seq, d.receiver
            LIMIT :limit
            <locking>
            """)
        .bindList("receivers", receivers)
        .bind("since", since)
        .bind("now", now)
        .bind("limit", limit)
        .define("locking", locking)
        .map(CLAIMED_ROWS)
        .list();
  }

  /**
   * Leases deliveries to a sender, each only if it is still pending and not leased: a row another
   * claimer leased meanwhile is left alone (the update waits for that claimer's transaction, then
   * finds the row changed).
   *
   * @param rows the deliveries
   * @param owner who claims
   * @param leaseUntil until when, epoch microseconds
   * @param now epoch microseconds
   * @return per row, 1 when leased, 0 when not
   */
  public int[] lease(List<ClaimedRow> rows, String owner, long leaseUntil, long now) {
    Batch batch =
        session.prepareBatch(
            """
            UPDATE status_outbox_deliveries SET lease_owner = :owner, lease_until = :leaseUntil
            WHERE event_seq = :eventSeq AND receiver = :receiver AND state = 'PENDING'
              AND (lease_until IS NULL OR lease_until <= :now)
            """);
    for (ClaimedRow row : rows) {
      batch
          .bindRecord(row)
          .bind("owner", owner)
          .bind("leaseUntil", leaseUntil)
          .bind("now", now)
          .add();
    }
    return batch.execute();
  }

  /**
   * The position of an event in the outbox.
   *
   * @param id the event's id
   * @return its seq, or empty when there is no such event
   */
  public Optional<Long> seqOf(String id) {
    return session
        .createQuery("SELECT seq FROM status_outbox_events WHERE id = :id")
        .bind("id", id)
        .mapTo(Long.class)
        .findOne();
  }

  /**
   * Logs an attempt.
   *
   * @param row the attempt
   */
  public void insertAttempt(AttemptRow row) {
    session
        .createUpdate(
            """
            INSERT INTO status_outbox_attempts
              (event_seq, receiver, attempt_number, attempted_at, outcome, response_code, error,
               next_attempt_at)
            VALUES (:eventSeq, :receiver, :attemptNumber, :attemptedAt, :outcome, :responseCode, :error,
                    :nextAttemptAt)
            """)
        .bindRecord(row)
        .execute();
  }

  /**
   * Ends a pending delivery (delivered, dead) or makes it due again later (retry), and ends its
   * lease; a delivery that ended already stays as it is.
   *
   * @param row the attempt
   * @param state the delivery's state from now on
   * @return 1 when a pending delivery changed, else 0
   */
  public int settle(AttemptRow row, String state) {
    return session
        .createUpdate(
            """
            UPDATE status_outbox_deliveries SET
              state = :state,
              attempts = CASE WHEN attempts < :attemptNumber THEN :attemptNumber ELSE attempts END,
              next_attempt_at = :nextAttemptAt,
              lease_owner = NULL,
              lease_until = NULL
            WHERE event_seq = :eventSeq AND receiver = :receiver AND state = 'PENDING'
            """)
        .bindRecord(row)
        .bind("state", state)
        .execute();
  }

  /**
   * The attempts made to deliver an event, oldest first.
   *
   * @param seq the event's seq
   * @return the attempts
   */
  public List<AttemptRow> attempts(long seq) {
    return session
        .createQuery(
            """
            SELECT event_seq, receiver, attempt_number, attempted_at, outcome, response_code, error,
                   next_attempt_at
            FROM status_outbox_attempts
            WHERE event_seq = :seq
            ORDER BY attempted_at, id
            """)
        .bind("seq", seq)
        .map(ATTEMPT_ROWS)
        .list();
  }

  /**
   * The events of a notice, in the order they were written.
   *
   * @param noticeId the notice's id
   * @return the events
   */
  public List<EventRow> eventsOf(String noticeId) {
    return session
        .createQuery(
            """
            SELECT id, type, notice_id, created_at, payload
            FROM status_outbox_events
            WHERE notice_id = :noticeId
            ORDER BY seq
            """)
        .bind("noticeId", noticeId)
        .map(EVENT_ROWS)
        .list();
  }

  /**
   * Deletes events created before a moment, with their deliveries and attempts (by cascade).
   *
   * @param before epoch microseconds
   * @return how many events were deleted
   */
  public int deleteBefore(long before) {
    return session
        .createUpdate("DELETE FROM status_outbox_events WHERE created_at < :before")
        .bind("before", before)
        .execute();
  }
}
