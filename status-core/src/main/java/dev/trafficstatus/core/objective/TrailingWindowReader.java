package dev.trafficstatus.core.objective;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.HourVersions;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoredRoute;
import dev.trafficstatus.spi.store.Tally;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Reads windows that end at the same minute, each stretch of time once, and keeps the sums of
 * closed hours between evaluations.
 *
 * <p><b>Pieces.</b> The windows' starts cut the time before the end into consecutive pieces, each
 * read with one {@link StatusStore#readBetween}; a window is the pieces from its cut on, plus or
 * minus the minutes between its start and its cut. A start inside an hour cuts at that hour, and
 * the minutes from the hour to the start are taken out; starts in the end's own hour cut there
 * (its minutes are read anyway). Counts add up piece by piece, a histogram's count under a
 * threshold too, so the sums are those of a read of the whole window.
 *
 * <p>Pieces add up to a whole window only where the store keeps minutes: of a day whose minute rows
 * are past retention a store reads whole days only (see {@link StatusStore#readBetween}), so a cut
 * inside such a day would lose the day from the longer windows. Minutes are kept at least two days
 * ({@link dev.trafficstatus.spi.store.Retention}): from the start of yesterday on, starts cut as
 * above; an older start inside a day cuts the others at the next midnight and adds its part of
 * that day as the rest of its hour (the hour, less the minutes before the start) and the hours
 * after it: no piece holds the whole day, so where the day's minutes are gone each reads nothing,
 * as a read of the whole window does.
 *
 * <p><b>Kept between evaluations.</b> With a store that keeps {@linkplain StatusStore#hourVersions
 * hour versions}, the sums of every piece that ends before the end's hour (the hour instances are
 * writing) are kept, with the versions they were read under, until an evaluation does not use
 * them. The next evaluation takes the versions first and uses a kept piece only if none of its
 * hours changed; the minutes from an hour to a start, one more each minute, are the kept minutes
 * up to the last start plus the new minute. So an evaluation a minute after the last reads the
 * end's hour, a minute per start inside an hour, and what changed (a late write, a rollup: a few
 * times an hour), instead of every piece; a change of the routes (renamed, hidden, deleted) drops
 * everything kept.
 */
final class TrailingWindowReader {

  /**
   * A piece of a window.
   *
   * @param tallies the piece's requests per route (routes without any left out)
   * @param subtracted whether the piece is taken out of the window rather than added
   */
  record Piece(Map<RouteKey, Tally> tallies, boolean subtracted) {}

  /** The minutes {@code [from, to)}, added to a window or taken out. */
  private record Range(Instant from, Instant to, boolean subtracted) {

    Range unsigned() {
      return subtracted ? new Range(from, to, false) : this;
    }
  }

  /** Sums read under some hour versions, and the evaluation that last used them. */
  private record Kept(Map<RouteKey, Tally> tallies, HourVersions versions, long evaluation) {}

  private final StatusStore store;
  private final Map<Range, Kept> kept = new HashMap<>();
  private List<StoredRoute> keptFor = List.of();
  private long evaluations;

  /**
   * @param store where the figures are
   */
  TrailingWindowReader(StatusStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Starts an evaluation: takes the hour versions of the time it reads, before any read, and drops
   * what no longer holds.
   *
   * @param routes the visible routes now
   * @param from the earliest start the evaluation reads from
   * @param end the end all its windows share, a whole minute
   * @return the evaluation's reads
   */
  synchronized Reads begin(List<StoredRoute> routes, Instant from, Instant end) {
    long evaluation = ++evaluations;
    Instant written = end.truncatedTo(ChronoUnit.HOURS);
    HourVersions versions = from.isBefore(written) ? store.hourVersions(from, written).orElse(null) : null;
    if (versions == null || !routes.equals(keptFor)) {
      kept.clear();
      keptFor = List.copyOf(routes);
    }
    kept.values().removeIf(entry -> entry.evaluation() < evaluation - 1);
    return new Reads(evaluation, versions, written);
  }

  /** The reads of one evaluation, each range once. */
  final class Reads {

    private final long evaluation;
    private final HourVersions versions;
    private final Instant written;
    private final Map<Range, Map<RouteKey, Tally>> read = new HashMap<>();

    private Reads(long evaluation, HourVersions versions, Instant written) {
      this.evaluation = evaluation;
      this.versions = versions;
      this.written = written;
    }

    /**
     * Reads windows {@code [start, end)}.
     *
     * @param starts the windows' starts (truncated to the minute, as the store reads them)
     * @param end the end all windows share, a whole minute
     * @param now the current time: minutes are kept from the start of the day before it on
     * @return per start (truncated to the minute), the pieces whose sums per route make up its
     *     window; none for a start at or after the end. Windows share their pieces: do not change
     *     them.
     */
    Map<Instant, List<Piece>> read(Collection<Instant> starts, Instant end, Instant now) {
      synchronized (TrailingWindowReader.this) {
        return readWindows(starts, end, now);
      }
    }

    private Map<Instant, List<Piece>> readWindows(Collection<Instant> starts, Instant end, Instant now) {
      Instant minutesKept = now.truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS);
      Instant endHour = end.truncatedTo(ChronoUnit.HOURS);
      Map<Instant, Instant> cutOf = new HashMap<>();
      Map<Instant, List<Range>> corrections = new HashMap<>();
      TreeMap<Instant, Piece> chain = new TreeMap<>();
      for (Instant given : starts) {
        Instant start = given.truncatedTo(ChronoUnit.MINUTES);
        if (!start.isBefore(end) || cutOf.containsKey(start)) {
          continue;
        }
        Instant hour = start.truncatedTo(ChronoUnit.HOURS);
        Instant midnight = start.truncatedTo(ChronoUnit.DAYS);
        List<Range> correction = new ArrayList<>();
        Instant cut = start;
        if (start.isBefore(minutesKept) && !start.equals(midnight)) {
          cut = midnight.plus(1, ChronoUnit.DAYS);
          Instant nextHour = hour.plus(1, ChronoUnit.HOURS);
          correction.add(new Range(hour, nextHour, false));
          if (nextHour.isBefore(cut)) {
            correction.add(new Range(nextHour, cut, false));
          }
          if (!start.equals(hour)) {
            correction.add(new Range(hour, start, true));
          }
        } else if (!start.equals(hour) && start.isBefore(endHour)) {
          cut = hour;
          correction.add(new Range(hour, start, true));
        }
        cutOf.put(start, cut);
        corrections.put(start, correction);
        if (cut.isBefore(end)) {
          chain.put(cut, null);
        }
      }
      List<Instant> cuts = new ArrayList<>(chain.keySet());
      for (int i = 0; i < cuts.size(); i++) {
        Instant to = i + 1 < cuts.size() ? cuts.get(i + 1) : end;
        chain.put(cuts.get(i), piece(new Range(cuts.get(i), to, false), minutesKept));
      }
      Map<Instant, List<Piece>> windows = new HashMap<>();
      for (Map.Entry<Instant, Instant> window : cutOf.entrySet()) {
        List<Piece> pieces = new ArrayList<>();
        for (Range range : corrections.get(window.getKey())) {
          pieces.add(piece(range, minutesKept));
        }
        pieces.addAll(chain.tailMap(window.getValue(), true).values());
        windows.put(window.getKey(), pieces);
      }
      for (Instant given : starts) {
        windows.putIfAbsent(given.truncatedTo(ChronoUnit.MINUTES), List.of());
      }
      return windows;
    }

    private Piece piece(Range range, Instant minutesKept) {
      Map<RouteKey, Tally> sums = read.get(range.unsigned());
      if (sums == null) {
        sums = keptOrRead(range.unsigned(), minutesKept);
        read.put(range.unsigned(), sums);
      }
      return new Piece(sums, range.subtracted());
    }

    /**
     * The sums of a range: kept if its hours did not change, else the kept sums of the same start
     * up to an earlier end plus a read of the rest, else a read of the whole range.
     */
    private Map<RouteKey, Tally> keptOrRead(Range range, Instant minutesKept) {
      if (versions == null || range.to().isAfter(written)) {
        return tallies(store.readBetween(range.from(), range.to()), new HashMap<>());
      }
      Kept same = kept.get(range);
      Map<RouteKey, Tally> sums;
      if (same != null && versions.unchangedSince(same.versions(), range.from(), range.to())) {
        sums = same.tallies();
      } else {
        Range shorter = keptPrefix(range, minutesKept);
        if (shorter != null) {
          Kept prefix = kept.get(shorter);
          if (prefix.evaluation() < evaluation) {
            kept.remove(shorter);
          }
          sums = tallies(store.readBetween(shorter.to(), range.to()), new HashMap<>(prefix.tallies()));
        } else {
          sums = tallies(store.readBetween(range.from(), range.to()), new HashMap<>());
        }
      }
      kept.put(range, new Kept(sums, versions, evaluation));
      return sums;
    }

    /**
     * The longest kept range with the same start and an earlier end whose hours did not change, if
     * the rest adds to it exactly: it ends at a midnight, or where minutes are kept, or the range
     * holds no whole day it would cut.
     */
    private Range keptPrefix(Range range, Instant minutesKept) {
      Range best = null;
      for (Map.Entry<Range, Kept> entry : kept.entrySet()) {
        Range candidate = entry.getKey();
        Instant cut = candidate.to();
        Instant day = cut.truncatedTo(ChronoUnit.DAYS);
        boolean adds = cut.equals(day) || !cut.isBefore(minutesKept)
            || range.from().isAfter(day) || range.to().isBefore(day.plus(1, ChronoUnit.DAYS));
        if (candidate.from().equals(range.from()) && cut.isBefore(range.to()) && cut.isAfter(range.from())
            && adds && (best == null || cut.isAfter(best.to()))
            && versions.unchangedSince(entry.getValue().versions(), candidate.from(), cut)) {
          best = candidate;
        }
      }
      return best;
    }
  }

  private static Map<RouteKey, Tally> tallies(List<RouteTally> read, Map<RouteKey, Tally> into) {
    for (RouteTally tally : read) {
      into.merge(tally.route(), tally.tally(), Tally::plus);
    }
    return into;
  }
}
