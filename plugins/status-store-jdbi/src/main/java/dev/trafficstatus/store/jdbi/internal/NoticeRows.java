package dev.trafficstatus.store.jdbi.internal;

import static dev.trafficstatus.store.jdbi.internal.UtcPeriods.instantOfMicros;
import static dev.trafficstatus.store.jdbi.internal.UtcPeriods.micros;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notice.NoticeUpdate;
import dev.trafficstatus.spi.notice.RouteState;
import dev.trafficstatus.spi.notice.StateChange;
import dev.trafficstatus.spi.Health;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A notice as the rows of its four tables: the notice, its updates (position 0 the newest), its
 * affected routes and the state changes each update reports, each list kept in its order. Rows
 * are bound by their accessors and mapped by their constructors (column names in snake case).
 *
 * @param notice the notice's row
 * @param updates its timeline's rows
 * @param affected its affected routes' rows
 * @param changes its updates' state changes' rows
 */
public record NoticeRows(
    NoticeRow notice,
    List<UpdateRow> updates,
    List<AffectedRow> affected,
    List<ChangeRow> changes) {

  /** {@code closed_at} of an open notice: after every closing time. */
  public static final long OPEN = Long.MAX_VALUE;

  /**
   * A row of {@code status_notices}; times in epoch microseconds.
   *
   * @param id the notice's id
   * @param kind {@link NoticeKind#name()}
   * @param name the title
   * @param status {@link NoticeStatus#name()}
   * @param impact {@link Impact#name()}
   * @param automatic whether the evaluator opened it
   * @param handledByPerson whether a person wrote to it
   * @param createdAt when it was written down
   * @param startedAt when the trouble or the window began
   * @param updatedAt when it last changed
   * @param monitoringAt when it went to monitoring, or null
   * @param resolvedAt when it closed, or null
   * @param scheduledFor a maintenance's window start, or null
   * @param scheduledUntil a maintenance's window end, or null
   * @param closedAt {@code resolvedAt}, or {@link #OPEN}
   * @param version the stored revision
   */
  public record NoticeRow(
      String id,
      String kind,
      String name,
      String status,
      String impact,
      boolean automatic,
      boolean handledByPerson,
      long createdAt,
      long startedAt,
      long updatedAt,
      Long monitoringAt,
      Long resolvedAt,
      Long scheduledFor,
      Long scheduledUntil,
      long closedAt,
      long version) {}

  /**
   * A row of {@code status_notice_updates}.
   *
   * @param noticeId the notice
   * @param position the place in the timeline, 0 the newest
   * @param id the update's id
   * @param status {@link NoticeStatus#name()}
   * @param body the text
   * @param createdAt when it was written
   * @param displayAt the time shown with it
   * @param automatic whether the evaluator wrote it
   * @param closedAt the notice's {@code closed_at}
   */
  public record UpdateRow(
      String noticeId,
      int position,
      String id,
      String status,
      String body,
      long createdAt,
      long displayAt,
      boolean automatic,
      long closedAt) {}

  /**
   * A row of {@code status_notice_routes}.
   *
   * @param noticeId the notice
   * @param position the place in the notice's list
   * @param service the route's service
   * @param rule the route's rule
   * @param state {@link Health#name()}
   * @param closedAt the notice's {@code closed_at}
   */
  public record AffectedRow(
      String noticeId, int position, String service, String rule, String state, long closedAt) {}

  /**
   * A row of {@code status_notice_changes}.
   *
   * @param noticeId the notice
   * @param updatePosition the position of the update that reports it
   * @param position the place in the update's list
   * @param service the route's service
   * @param rule the route's rule
   * @param beforeState {@link Health#name()} before
   * @param afterState {@link Health#name()} after
   * @param closedAt the notice's {@code closed_at}
   */
  public record ChangeRow(
      String noticeId,
      int updatePosition,
      int position,
      String service,
      String rule,
      String beforeState,
      String afterState,
      long closedAt) {}

  /**
   * The rows of a notice, to be stored at a version.
   *
   * @param notice the notice
   * @param version the version to store it at
   * @return its rows
   */
  public static NoticeRows of(Notice notice, long version) {
    String id = notice.id();
    long closedAt = notice.resolvedAt() == null ? OPEN : micros(notice.resolvedAt());
    NoticeRow row =
        new NoticeRow(
            id,
            notice.kind().name(),
            notice.name(),
            notice.status().name(),
            notice.impact().name(),
            notice.automatic(),
            notice.handledByPerson(),
            micros(notice.createdAt()),
            micros(notice.startedAt()),
            micros(notice.updatedAt()),
            nullableMicros(notice.monitoringAt()),
            nullableMicros(notice.resolvedAt()),
            nullableMicros(notice.scheduledFor()),
            nullableMicros(notice.scheduledUntil()),
            closedAt,
            version);
    List<UpdateRow> updates = new ArrayList<>();
    List<ChangeRow> changes = new ArrayList<>();
    for (int u = 0; u < notice.updates().size(); u++) {
      NoticeUpdate update = notice.updates().get(u);
      updates.add(
          new UpdateRow(
              id,
              u,
              update.id(),
              update.status().name(),
              update.body(),
              micros(update.createdAt()),
              micros(update.displayAt()),
              update.automatic(),
              closedAt));
      for (int c = 0; c < update.changes().size(); c++) {
        StateChange change = update.changes().get(c);
        changes.add(
            new ChangeRow(
                id,
                u,
                c,
                change.route().service(),
                change.route().rule(),
                change.before().name(),
                change.after().name(),
                closedAt));
      }
    }
    List<AffectedRow> affected = new ArrayList<>();
    for (int a = 0; a < notice.affected().size(); a++) {
      RouteState state = notice.affected().get(a);
      affected.add(
          new AffectedRow(
              id,
              a,
              state.route().service(),
              state.route().rule(),
              state.state().name(),
              closedAt));
    }
    return new NoticeRows(row, updates, affected, changes);
  }

  /**
   * Builds notices from their rows.
   *
   * @param notices the notices' rows, in the order to return them
   * @param updates the updates' rows of those notices, in position order per notice
   * @param affected the affected routes' rows, in position order per notice
   * @param changes the state changes' rows, in position order per update
   * @return the notices
   */
  public static List<Notice> assemble(
      List<NoticeRow> notices,
      List<UpdateRow> updates,
      List<AffectedRow> affected,
      List<ChangeRow> changes) {
    Map<String, Map<Integer, List<StateChange>>> changesByUpdate = new HashMap<>();
    for (ChangeRow row : changes) {
      changesByUpdate
          .computeIfAbsent(row.noticeId(), id -> new HashMap<>())
          .computeIfAbsent(row.updatePosition(), position -> new ArrayList<>())
          .add(
              new StateChange(
                  new RouteKey(row.service(), row.rule()),
                  Health.valueOf(row.beforeState()),
                  Health.valueOf(row.afterState())));
    }
    Map<String, List<NoticeUpdate>> updatesByNotice = new HashMap<>();
    for (UpdateRow row : updates) {
      List<StateChange> reported =
          changesByUpdate
              .getOrDefault(row.noticeId(), Map.of())
              .getOrDefault(row.position(), List.of());
      updatesByNotice
          .computeIfAbsent(row.noticeId(), id -> new ArrayList<>())
          .add(
              new NoticeUpdate(
                  row.id(),
                  NoticeStatus.valueOf(row.status()),
                  row.body(),
                  instantOfMicros(row.createdAt()),
                  instantOfMicros(row.displayAt()),
                  row.automatic(),
                  reported));
    }
    Map<String, List<RouteState>> affectedByNotice = new HashMap<>();
    for (AffectedRow row : affected) {
      affectedByNotice
          .computeIfAbsent(row.noticeId(), id -> new ArrayList<>())
          .add(
              new RouteState(new RouteKey(row.service(), row.rule()), Health.valueOf(row.state())));
    }
    List<Notice> result = new ArrayList<>(notices.size());
    for (NoticeRow row : notices) {
      result.add(
          new Notice(
              row.id(),
              NoticeKind.valueOf(row.kind()),
              row.name(),
              NoticeStatus.valueOf(row.status()),
              Impact.valueOf(row.impact()),
              row.automatic(),
              row.handledByPerson(),
              instantOfMicros(row.createdAt()),
              instantOfMicros(row.startedAt()),
              instantOfMicros(row.updatedAt()),
              nullableInstant(row.monitoringAt()),
              nullableInstant(row.resolvedAt()),
              nullableInstant(row.scheduledFor()),
              nullableInstant(row.scheduledUntil()),
              affectedByNotice.getOrDefault(row.id(), List.of()),
              updatesByNotice.getOrDefault(row.id(), List.of()),
              row.version()));
    }
    return result;
  }

  private static Long nullableMicros(Instant instant) {
    return instant == null ? null : micros(instant);
  }

  private static Instant nullableInstant(Long micros) {
    return micros == null ? null : instantOfMicros(micros);
  }
}
