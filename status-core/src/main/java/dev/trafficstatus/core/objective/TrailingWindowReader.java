package dev.trafficstatus.core.objective;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.Tally;
import java.time.Duration;
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
 * Reads windows that end at the same minute, each stretch of time once. The windows' starts cut
 * the time before the end into consecutive pieces, each read with one {@link
 * StatusStore#readBetween}; a window is the pieces from its cut on, plus or minus a correction of
 * the minutes between its start and its cut. The objective's 30 days and seven burn windows from 5
 * minutes to 3 days then cost about the rows of one 30-day read, where reading each window whole
 * re-read the current hour's minute rows and the shared rollups once per window.
 *
 * <p>A start inside an hour cuts the others at the nearer whole hour, so the pieces between cuts
 * are read from hour and day rollups, and the minutes between its start and that hour are read
 * apart: added when the hour is after the start, taken out when before (a start at 10:20 is the
 * pieces from 10:00 less the minutes 10:00 to 10:20). Counts add up piece by piece, a histogram's
 * count under a threshold too, so the sums are those of a read of the whole window. Starts in the
 * end's own hour cut there: its minutes are read anyway.
 *
 * <p>Pieces add up to a whole window only where the store keeps minutes: of a day whose minute rows
 * are past retention a store reads whole days only (see {@link StatusStore#readBetween}), so a cut
 * inside such a day would lose the day from the longer windows. Minutes are kept at least two days
 * ({@link dev.trafficstatus.spi.store.Retention}): from the start of yesterday on, starts cut as
 * above; an older start inside a day reads its part of that day apart and cuts the others at the
 * next midnight, so its own window reads that day exactly as a whole read would.
 */
final class TrailingWindowReader {

  /**
   * A piece of a window.
   *
   * @param tallies the piece's requests per route (routes without any left out)
   * @param subtracted whether the piece is taken out of the window rather than added
   */
  record Piece(Map<RouteKey, Tally> tallies, boolean subtracted) {}

  /** A range to read and whether it is taken out. */
  private record Correction(Instant from, Instant to, boolean subtracted) {}

  private final StatusStore store;

  /**
   * @param store where the figures are
   */
  TrailingWindowReader(StatusStore store) {
    this.store = Objects.requireNonNull(store, "store");
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
    Instant minutesKept = now.truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS);
    Instant endHour = end.truncatedTo(ChronoUnit.HOURS);
    Map<Instant, Instant> cutOf = new HashMap<>();
    Map<Instant, Correction> corrections = new HashMap<>();
    TreeMap<Instant, Piece> chain = new TreeMap<>();
    for (Instant given : starts) {
      Instant start = given.truncatedTo(ChronoUnit.MINUTES);
      if (!start.isBefore(end) || cutOf.containsKey(start)) {
        continue;
      }
      Instant midnight = start.truncatedTo(ChronoUnit.DAYS);
      Instant hour = start.truncatedTo(ChronoUnit.HOURS);
      Instant cut = start;
      if (start.isBefore(minutesKept) && !start.equals(midnight)) {
        cut = midnight.plus(1, ChronoUnit.DAYS);
        corrections.put(start, new Correction(start, cut, false));
      } else if (!start.equals(hour) && start.isBefore(endHour)) {
        Instant nextHour = hour.plus(1, ChronoUnit.HOURS);
        boolean forward = Duration.between(start, nextHour).compareTo(Duration.between(hour, start)) <= 0;
        cut = forward ? nextHour : hour;
        corrections.put(start, forward ? new Correction(start, nextHour, false) : new Correction(hour, start, true));
      }
      cutOf.put(start, cut);
      if (cut.isBefore(end)) {
        chain.put(cut, null);
      }
    }
    List<Instant> cuts = new ArrayList<>(chain.keySet());
    for (int i = 0; i < cuts.size(); i++) {
      Instant to = i + 1 < cuts.size() ? cuts.get(i + 1) : end;
      chain.put(cuts.get(i), new Piece(tallies(store.readBetween(cuts.get(i), to)), false));
    }
    Map<Instant, List<Piece>> windows = new HashMap<>();
    for (Map.Entry<Instant, Instant> window : cutOf.entrySet()) {
      List<Piece> pieces = new ArrayList<>();
      Correction correction = corrections.get(window.getKey());
      if (correction != null) {
        pieces.add(new Piece(tallies(store.readBetween(correction.from(), correction.to())), correction.subtracted()));
      }
      pieces.addAll(chain.tailMap(window.getValue(), true).values());
      windows.put(window.getKey(), pieces);
    }
    for (Instant given : starts) {
      windows.putIfAbsent(given.truncatedTo(ChronoUnit.MINUTES), List.of());
    }
    return windows;
  }

  private static Map<RouteKey, Tally> tallies(List<RouteTally> read) {
    Map<RouteKey, Tally> tallies = new HashMap<>();
    for (RouteTally tally : read) {
      tallies.merge(tally.route(), tally.tally(), Tally::plus);
    }
    return tallies;
  }
}
