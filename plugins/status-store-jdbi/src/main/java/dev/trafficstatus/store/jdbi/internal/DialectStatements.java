package dev.trafficstatus.store.jdbi.internal;

import java.util.List;
import java.util.Objects;

/**
 * What the dialects' {@link Dialect.Statements} share: each statement runs on a session the same
 * way on every database, only its text differs ({@link Texts}). The locks differ in kind, not in
 * text, so each dialect has its own.
 */
abstract class DialectStatements implements Dialect.Statements {

  /**
   * The texts of a dialect's statements.
   *
   * @param declareRoutes the upsert of {@link RouteRow}s
   * @param insertAbsentRoutes the insert of {@link RouteRow}s no row has yet
   * @param upsertMinutes the upsert of {@link MinuteRow}s
   * @param markWritten the upsert of {@link HourWrite}s
   * @param reopenDays the upsert of a day's state, parameter {@code :day}
   * @param createDeliveries the insert of deliveries, parameters {@code :receiver}, {@code :since}
   */
  record Texts(
      String declareRoutes,
      String insertAbsentRoutes,
      String upsertMinutes,
      String markWritten,
      String reopenDays,
      String createDeliveries) {
    Texts {
      Objects.requireNonNull(declareRoutes, "declareRoutes");
      Objects.requireNonNull(insertAbsentRoutes, "insertAbsentRoutes");
      Objects.requireNonNull(upsertMinutes, "upsertMinutes");
      Objects.requireNonNull(markWritten, "markWritten");
      Objects.requireNonNull(reopenDays, "reopenDays");
      Objects.requireNonNull(createDeliveries, "createDeliveries");
    }
  }

  /** The session the statements run on. */
  final Session session;

  private final Texts texts;

  DialectStatements(Session session, Texts texts) {
    this.session = Objects.requireNonNull(session, "session");
    this.texts = texts;
  }

  @Override
  public final void declareRoutes(List<RouteRow> routes) {
    each(texts.declareRoutes(), routes);
  }

  @Override
  public final void insertAbsentRoutes(List<RouteRow> routes) {
    each(texts.insertAbsentRoutes(), routes);
  }

  @Override
  public final void upsertMinutes(List<MinuteRow> rows) {
    each(texts.upsertMinutes(), rows);
  }

  @Override
  public final void markWritten(List<HourWrite> writes) {
    each(texts.markWritten(), writes);
  }

  @Override
  public final void reopenDays(List<Long> days) {
    Batch batch = session.prepareBatch(texts.reopenDays());
    days.forEach(day -> batch.bind("day", day).add());
    batch.execute();
  }

  @Override
  public final void createDeliveries(String receiver, long since) {
    session
        .createUpdate(texts.createDeliveries())
        .bind("receiver", receiver)
        .bind("since", since)
        .execute();
  }

  /** Runs a statement once per record, in one batch. */
  private void each(String sql, List<? extends Record> rows) {
    Batch batch = session.prepareBatch(sql);
    rows.forEach(batch::add);
    batch.execute();
  }
}
