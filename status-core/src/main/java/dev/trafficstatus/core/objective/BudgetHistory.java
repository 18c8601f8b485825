package dev.trafficstatus.core.objective;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.Tally;
import dev.trafficstatus.spi.store.WindowTally;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The remaining budget at the end of each day of an objective's window, for the page's sparkline:
 * from the day tallies (read once for every objective) without what maintenance windows held.
 */
final class BudgetHistory {

  private final Map<RouteKey, Map<LocalDate, Tally>> days = new HashMap<>();
  private final Map<RouteKey, Map<LocalDate, Tally>> maintenance = new HashMap<>();

  /**
   * @param dayBuckets the routes' day tallies over the longest window
   * @param windowTallies what maintenance windows held on those days
   */
  BudgetHistory(List<DayBucket> dayBuckets, List<WindowTally> windowTallies) {
    for (DayBucket bucket : dayBuckets) {
      days.computeIfAbsent(bucket.route(), r -> new HashMap<>()).merge(bucket.day(), bucket.tally(), Tally::plus);
    }
    for (WindowTally held : windowTallies) {
      maintenance.computeIfAbsent(held.bucket().route(), r -> new HashMap<>())
          .merge(held.bucket().day(), held.bucket().tally(), Tally::plus);
    }
  }

  /**
   * The remaining budget in percent at the end of each day from {@code first} to {@code last}
   * (running sums from {@code first}); null for days before any counted request.
   */
  List<Double> remaining(ObjectiveReading reading, LocalDate first, LocalDate last) {
    Objective objective = reading.objective();
    List<Double> points = new ArrayList<>();
    Counts sum = Counts.NONE;
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      for (RouteKey route : reading.routes()) {
        Counts read = count(days, route, day, reading);
        sum = sum.plus(read.minus(count(maintenance, route, day, reading)));
      }
      points.add(new Budget(sum, objective.target(reading.indicator())).remainingPercent().orElse(null));
    }
    return points;
  }

  private static Counts count(
      Map<RouteKey, Map<LocalDate, Tally>> tallies, RouteKey route, LocalDate day, ObjectiveReading reading) {
    Tally tally = tallies.getOrDefault(route, Map.of()).get(day);
    return tally == null
        ? Counts.NONE
        : Counts.of(tally, reading.indicator(), reading.objective().threshold().orElse(null));
  }
}
