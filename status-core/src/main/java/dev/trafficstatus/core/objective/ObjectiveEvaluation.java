package dev.trafficstatus.core.objective;

import dev.trafficstatus.core.status.MaintenanceSpans;
import dev.trafficstatus.core.objective.TrailingWindowReader.Piece;
import dev.trafficstatus.core.status.MaintenanceSpans.Span;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoredRoute;
import dev.trafficstatus.spi.store.Tally;
import dev.trafficstatus.spi.store.WindowTally;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * Evaluates every objective at once from the store's figures, for all routes together. The
 * objective windows and the burn windows all end at the start of the current minute (closed minutes
 * only), so they are read as consecutive pieces between their sorted starts, each piece once ({@link
 * TrailingWindowReader}, with {@link StatusStore#readBetween}, which sums day and hour rollups for
 * the whole days and hours inside a range and minute rows only for its edges): one evaluation reads
 * about the rows of its longest window, however many windows and objectives there are. With a store
 * that keeps hour versions the reader keeps the pieces of closed hours between evaluations, so an
 * evaluation a minute after the last reads little more than the current hour.
 *
 * <p>Maintenance is left out: from an objective's window, the requests kept with each maintenance
 * per route and day ({@link NoticeStore#windowTallies}); from a burn window, the minutes of each
 * known maintenance span inside it, read (once for all the windows holding them) and taken out.
 */
public final class ObjectiveEvaluation {

  private final StatusStore store;
  private final TrailingWindowReader reader;
  private final ObjectiveSettings settings;
  private final long minimumRequests;

  /**
   * @param store where the figures are
   * @param settings the objectives and pairs
   * @param minimumRequests counted requests a burn window needs for a verdict (the page's minimum)
   */
  public ObjectiveEvaluation(StatusStore store, ObjectiveSettings settings, long minimumRequests) {
    this.store = Objects.requireNonNull(store, "store");
    this.reader = new TrailingWindowReader(store);
    this.settings = Objects.requireNonNull(settings, "settings");
    this.minimumRequests = minimumRequests;
  }

  /**
   * Evaluates every objective.
   *
   * @param now the current time
   * @param spans the known maintenance spans (for the burn windows)
   * @param firing whether a pair fired for an objective's indicator at the last evaluation, by
   *     {@link ObjectiveReading#key()} and pair (for the hysteresis)
   * @return one reading per objective and indicator, in the settings' order
   */
  public List<ObjectiveReading> evaluate(
      Instant now, MaintenanceSpans spans, BiPredicate<String, BurnPair> firing) {
    if (settings.objectives().isEmpty()) {
      return List.of();
    }
    Instant end = now.truncatedTo(ChronoUnit.MINUTES);
    List<StoredRoute> routes = store.routes().stream().filter(route -> !route.hidden()).toList();
    Map<Duration, Instant> objectiveStarts = new HashMap<>();
    for (Objective objective : settings.objectives()) {
      objectiveStarts.put(objective.window(), objective.windowStart(now));
    }
    TreeSet<Duration> burnLengths = new TreeSet<>();
    burnLengths.add(settings.currentBurn());
    for (BurnPair pair : settings.pairs()) {
      burnLengths.add(pair.longWindow());
      burnLengths.add(pair.shortWindow());
    }
    Map<Duration, Instant> burnStarts = new HashMap<>();
    for (Duration length : burnLengths) {
      burnStarts.put(length, end.minus(length).truncatedTo(ChronoUnit.MINUTES));
    }
    List<Instant> starts = new ArrayList<>(objectiveStarts.values());
    starts.addAll(burnStarts.values());
    Instant earliest = starts.stream().min(Instant::compareTo).orElse(end).truncatedTo(ChronoUnit.MINUTES);
    TrailingWindowReader.Reads reads = reader.begin(routes, earliest, end);
    Map<Instant, List<Piece>> read = reads.read(starts, end, now);
    Map<Duration, WindowFigures> objectiveWindows = new HashMap<>();
    objectiveStarts.forEach((length, start) -> objectiveWindows.put(
        length, new WindowFigures(read.get(start), List.of(new Piece(keptInMaintenance(start, end), false)))));
    Map<Instant, List<Piece>> inSpans = insideSpans(reads, burnStarts.values(), now, spans);
    Map<Duration, WindowFigures> burnWindows = new HashMap<>();
    burnStarts.forEach((length, start) -> burnWindows.put(
        length, new WindowFigures(read.get(start), inSpans.getOrDefault(start, List.of()))));
    List<ObjectiveReading> readings = new ArrayList<>();
    for (Objective objective : settings.objectives()) {
      List<RouteKey> covered = routes.stream().filter(objective.scope()::covers).map(StoredRoute::key).toList();
      Duration threshold = objective.threshold().orElse(null);
      for (Indicator indicator : objective.indicators()) {
        Budget budget = new Budget(
            objectiveWindows.get(objective.window()).counts(covered, indicator, threshold),
            objective.target(indicator));
        java.math.BigDecimal allowed = Budget.allowedShare(objective.target(indicator));
        String key = ObjectiveReading.key(objective, indicator);
        List<PairReading> pairs = new ArrayList<>();
        for (BurnPair pair : settings.pairs()) {
          BurnRate longBurn = new BurnRate(burnWindows.get(pair.longWindow()).counts(covered, indicator, threshold), allowed);
          BurnRate shortBurn = new BurnRate(burnWindows.get(pair.shortWindow()).counts(covered, indicator, threshold), allowed);
          pairs.add(new PairReading(pair, longBurn, shortBurn,
              pair.verdict(firing.test(key, pair), longBurn, shortBurn, minimumRequests, settings.clearBelow())));
        }
        BurnRate current = new BurnRate(
            burnWindows.get(settings.currentBurn()).counts(covered, indicator, threshold), allowed);
        readings.add(new ObjectiveReading(objective, indicator, covered, budget, current, pairs));
      }
    }
    return readings;
  }

  /** Per route, the requests kept with each maintenance of the days from {@code from} to {@code to}. */
  private Map<RouteKey, Tally> keptInMaintenance(Instant from, Instant to) {
    Map<RouteKey, Tally> kept = new HashMap<>();
    LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
    LocalDate last = LocalDate.ofInstant(to, ZoneOffset.UTC);
    store.notices().ifPresent(notices -> {
      for (WindowTally held : notices.windowTallies(first, last)) {
        kept.merge(held.bucket().route(), held.bucket().tally(), Tally::plus);
      }
    });
    return kept;
  }

  /**
   * Per burn window's start, the requests of the routes each maintenance span covers in the minutes
   * of the span inside the window, as pieces: a span's minutes are read once for all the windows
   * that hold them.
   */
  private static Map<Instant, List<Piece>> insideSpans(
      TrailingWindowReader.Reads reads, Collection<Instant> windowStarts, Instant now, MaintenanceSpans spans) {
    Instant end = now.truncatedTo(ChronoUnit.MINUTES);
    Map<Instant, List<Piece>> inside = new HashMap<>();
    for (Span span : spans.all()) {
      Instant stop = min(MaintenanceSpans.ceilingMinute(span.end()), end);
      Map<Instant, Instant> pieceStarts = new HashMap<>();
      for (Instant windowStart : windowStarts) {
        Instant start = max(span.start().truncatedTo(ChronoUnit.MINUTES), windowStart);
        if (start.isBefore(stop)) {
          pieceStarts.put(windowStart, start);
        }
      }
      if (pieceStarts.isEmpty()) {
        continue;
      }
      Map<Piece, Piece> covered = new IdentityHashMap<>();
      Map<Instant, List<Piece>> read = reads.read(pieceStarts.values(), stop, now);
      pieceStarts.forEach((windowStart, start) -> {
        for (Piece piece : read.get(start)) {
          inside.computeIfAbsent(windowStart, s -> new ArrayList<>())
              .add(covered.computeIfAbsent(piece, p -> coveredBy(span, p)));
        }
      });
    }
    return inside;
  }

  private static Piece coveredBy(Span span, Piece piece) {
    Map<RouteKey, Tally> covered = new HashMap<>();
    piece.tallies().forEach((route, tally) -> {
      if (span.covers(route)) {
        covered.put(route, tally);
      }
    });
    return new Piece(covered, piece.subtracted());
  }

  /**
   * One window's figures as pieces that add up: per route, the requests read and those to take out
   * (maintenance). Counts of an indicator are sums of the counts of the pieces (a histogram's count
   * under a threshold adds up bucket by bucket), so nothing is merged before counting.
   */
  private record WindowFigures(List<Piece> read, List<Piece> takenOut) {

    Counts counts(List<RouteKey> routes, Indicator indicator, Duration threshold) {
      Counts sum = Counts.NONE;
      for (RouteKey route : routes) {
        Counts in = sum(read, route, indicator, threshold);
        sum = sum.plus(in.minus(sum(takenOut, route, indicator, threshold)));
      }
      return sum;
    }

    /**
     * The pieces' counts of a route. Pieces read apart may disagree by a write that landed between
     * two reads (a late flush): the sum never goes below zero.
     */
    private static Counts sum(List<Piece> pieces, RouteKey route, Indicator indicator, Duration threshold) {
      long good = 0;
      long bad = 0;
      for (Piece piece : pieces) {
        Tally tally = piece.tallies().get(route);
        if (tally != null) {
          Counts counts = Counts.of(tally, indicator, threshold);
          int sign = piece.subtracted() ? -1 : 1;
          good += sign * counts.good();
          bad += sign * counts.bad();
        }
      }
      return new Counts(Math.max(0, good), Math.max(0, bad));
    }
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
