package dev.trafficstatus.core.status;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.DayBucket;
import dev.trafficstatus.spi.store.Tally;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Day buckets as the page's cards read them: per route, then per day of the window. */
final class DayTallies {

  private DayTallies() {}

  /**
   * The buckets' tallies per route and day; days outside the window are skipped, and buckets of
   * the same route and day add up (maintenance windows of one day, say).
   *
   * @param buckets the day buckets
   * @param first the window's first day
   * @param last the window's last day
   * @return the tallies per route and day
   */
  static Map<RouteKey, Map<LocalDate, Tally>> byRouteAndDay(
      List<DayBucket> buckets, LocalDate first, LocalDate last) {
    Map<RouteKey, Map<LocalDate, Tally>> byRoute = new HashMap<>();
    for (DayBucket bucket : buckets) {
      if (!bucket.day().isBefore(first) && !bucket.day().isAfter(last)) {
        byRoute
            .computeIfAbsent(bucket.route(), k -> new HashMap<>())
            .merge(bucket.day(), bucket.tally(), Tally::plus);
      }
    }
    return byRoute;
  }
}
