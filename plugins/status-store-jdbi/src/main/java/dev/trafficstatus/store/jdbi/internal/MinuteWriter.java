package dev.trafficstatus.store.jdbi.internal;

import dev.trafficstatus.spi.store.MinuteBucket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** Writes minute buckets with replace semantics, one transaction per call. */
public final class MinuteWriter {

  /** The key of a minute bucket in the tables. */
  private record MinuteKey(int routeId, long epochMinute, String instance) {}

  /** Key order: every writer locks rows in this order, so concurrent writers never deadlock. */
  private static final Comparator<MinuteKey> ORDER =
      Comparator.comparingInt(MinuteKey::routeId)
          .thenComparingLong(MinuteKey::epochMinute)
          .thenComparing(MinuteKey::instance);

  private static final Comparator<HourWrite> HOUR_ORDER =
      Comparator.comparingLong(HourWrite::epochHour).thenComparing(HourWrite::instance);

  private final Database database;
  private final Dialect dialect;
  private final Routes routes;

  /**
   * @param database the store's database
   * @param dialect its dialect
   * @param routes the routes, to find the ids buckets are written under
   */
  public MinuteWriter(Database database, Dialect dialect, Routes routes) {
    this.database = database;
    this.dialect = dialect;
    this.routes = routes;
  }

  /**
   * Writes buckets of visible routes, the last one per key, and bumps the bookkeeping of their
   * (hour, instance) pairs, in one transaction. Nothing else: no row another instance writes, so
   * many processes flushing at once never queue on a shared row. Lock order: minute rows in key
   * order, then the bookkeeping rows in (hour, instance) order; maintenance's fold and prune lock
   * minute rows before bookkeeping rows too.
   *
   * @param buckets the buckets
   */
  public void write(Collection<MinuteBucket> buckets) {
    Map<MinuteKey, MinuteRow> rows = rowsToWrite(buckets);
    if (rows.isEmpty()) {
      return;
    }
    TreeSet<HourWrite> hours = new TreeSet<>(HOUR_ORDER);
    rows.keySet()
        .forEach(key -> hours.add(HourWrite.of(UtcPeriods.hourOfMinute(key.epochMinute()), key.instance())));
    List<MinuteRow> ordered = new ArrayList<>(rows.values());
    database.useTransaction(
        session -> {
          Dialect.Statements statements = dialect.statements(session);
          statements.upsertMinutes(ordered);
          statements.markWritten(List.copyOf(hours));
        });
  }

  /**
   * The rows to write, in key order: buckets of visible routes, the last one per key. A route this
   * process does not know may have been declared by another one, so the snapshot is refreshed once
   * before such buckets are dropped.
   */
  private Map<MinuteKey, MinuteRow> rowsToWrite(Collection<MinuteBucket> buckets) {
    RouteIds ids = routes.ids();
    boolean refreshed = false;
    Map<MinuteKey, MinuteRow> rows = new TreeMap<>(ORDER);
    for (MinuteBucket bucket : buckets) {
      Optional<Integer> id = ids.visibleId(bucket.route());
      if (id.isEmpty() && !refreshed) {
        ids = routes.refresh();
        refreshed = true;
        id = ids.visibleId(bucket.route());
      }
      if (id.isEmpty()) {
        continue;
      }
      long minute = UtcPeriods.minuteOf(bucket.minute());
      rows.put(
          new MinuteKey(id.get(), minute, bucket.instance()),
          MinuteRow.of(id.get(), minute, bucket.instance(), bucket.tally()));
    }
    return rows;
  }
}
