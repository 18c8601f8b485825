package dev.trafficstatus.core.objective;

import dev.trafficstatus.core.status.MaintenanceSpans;
import dev.trafficstatus.core.status.MaintenanceSpans.Span;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.NoticeStore;
import dev.trafficstatus.spi.store.RouteTally;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * Evaluates every objective at once from the store's figures, reading each window once for all
 * routes ({@link StatusStore#readBetween}, which sums day and hour rollups for the whole days and
 * hours inside a range and minute rows only for its edges): one read per distinct objective window
 * and one per distinct burn window, however many objectives there are.
 *
 * <p>Windows end at the start of the current minute (closed minutes only). Maintenance is left out:
 * from an objective's window, the requests kept with each maintenance per route and day ({@link
 * NoticeStore#windowTallies}); from a burn window, the minutes of each known maintenance span inside
 * it, re-read and taken out.
 */
public final class ObjectiveEvaluation {

  private final StatusStore store;
  private final ObjectiveSettings settings;
  private final long minimumRequests;

  /**
   * @param store where the figures are
   * @param settings the objectives and pairs
   * @param minimumRequests counted requests a burn window needs for a verdict (the page's minimum)
   */
  public ObjectiveEvaluation(StatusStore store, ObjectiveSettings settings, long minimumRequests) {
    this.store = Objects.requireNonNull(store, "store");
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
    Map<Duration, Map<RouteKey, Tally[]>> objectiveWindows = new HashMap<>();
    for (Objective objective : settings.objectives()) {
      objectiveWindows.computeIfAbsent(objective.window(), w -> objectiveWindow(objective.windowStart(now), end));
    }
    TreeSet<Duration> burnLengths = new TreeSet<>();
    burnLengths.add(settings.currentBurn());
    for (BurnPair pair : settings.pairs()) {
      burnLengths.add(pair.longWindow());
      burnLengths.add(pair.shortWindow());
    }
    Map<Duration, Map<RouteKey, Tally[]>> burnWindows = new HashMap<>();
    for (Duration length : burnLengths) {
      burnWindows.put(length, burnWindow(end.minus(length), end, spans));
    }
    List<ObjectiveReading> readings = new ArrayList<>();
    for (Objective objective : settings.objectives()) {
      List<StoredRoute> covered = routes.stream().filter(objective.scope()::covers).toList();
      for (Indicator indicator : objective.indicators()) {
        Budget budget = new Budget(
            counts(objectiveWindows.get(objective.window()), covered, objective, indicator),
            objective.target(indicator));
        java.math.BigDecimal allowed = Budget.allowedShare(objective.target(indicator));
        String key = ObjectiveReading.key(objective, indicator);
        List<PairReading> pairs = new ArrayList<>();
        for (BurnPair pair : settings.pairs()) {
          BurnRate longBurn = new BurnRate(counts(burnWindows.get(pair.longWindow()), covered, objective, indicator), allowed);
          BurnRate shortBurn = new BurnRate(counts(burnWindows.get(pair.shortWindow()), covered, objective, indicator), allowed);
          pairs.add(new PairReading(pair, longBurn, shortBurn,
              pair.verdict(firing.test(key, pair), longBurn, shortBurn, minimumRequests, settings.clearBelow())));
        }
        BurnRate current = new BurnRate(
            counts(burnWindows.get(settings.currentBurn()), covered, objective, indicator), allowed);
        readings.add(new ObjectiveReading(
            objective, indicator, covered.stream().map(StoredRoute::key).toList(), budget, current, pairs));
      }
    }
    return readings;
  }

  /** Per route: the window's requests and those to take out ([0] read, [1] maintenance). */
  private Map<RouteKey, Tally[]> objectiveWindow(Instant from, Instant to) {
    Map<RouteKey, Tally[]> tallies = new HashMap<>();
    add(tallies, store.readBetween(from, to), 0);
    LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
    LocalDate last = LocalDate.ofInstant(to, ZoneOffset.UTC);
    store.notices().ifPresent(kept -> {
      for (WindowTally held : kept.windowTallies(first, last)) {
        tallies.computeIfAbsent(held.bucket().route(), r -> empty())[1] =
            tallies.get(held.bucket().route())[1].plus(held.bucket().tally());
      }
    });
    return tallies;
  }

  /** Per route: the window's requests and those inside maintenance spans within it. */
  private Map<RouteKey, Tally[]> burnWindow(Instant from, Instant to, MaintenanceSpans spans) {
    Map<RouteKey, Tally[]> tallies = new HashMap<>();
    add(tallies, store.readBetween(from, to), 0);
    for (Span span : spans.all()) {
      Instant start = max(span.start().truncatedTo(ChronoUnit.MINUTES), from);
      Instant stop = min(MaintenanceSpans.ceilingMinute(span.end()), to);
      if (!start.isBefore(stop)) {
        continue;
      }
      List<RouteTally> inside = new ArrayList<>();
      for (RouteTally tally : store.readBetween(start, stop)) {
        if (span.covers(tally.route())) {
          inside.add(tally);
        }
      }
      add(tallies, inside, 1);
    }
    return tallies;
  }

  private static Tally[] empty() {
    return new Tally[] {Tally.empty(), Tally.empty()};
  }

  private static void add(Map<RouteKey, Tally[]> tallies, List<RouteTally> read, int slot) {
    for (RouteTally tally : read) {
      Tally[] pair = tallies.computeIfAbsent(tally.route(), r -> empty());
      pair[slot] = pair[slot].plus(tally.tally());
    }
  }

  private static Counts counts(
      Map<RouteKey, Tally[]> window, List<StoredRoute> covered, Objective objective, Indicator indicator) {
    Counts sum = Counts.NONE;
    for (StoredRoute route : covered) {
      Tally[] pair = window.get(route.key());
      if (pair != null) {
        Counts read = Counts.of(pair[0], indicator, objective.threshold().orElse(null));
        sum = sum.plus(read.minus(Counts.of(pair[1], indicator, objective.threshold().orElse(null))));
      }
    }
    return sum;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
