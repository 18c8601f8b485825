package dev.trafficstatus.core.status;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.RouteTally;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.Tally;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads each route's recent requests, leaving out the minutes maintenance took out: a route whose
 * maintenance ended within the window is judged on what it answered since, so failures during
 * planned work neither colour its card nor open an incident once the window is over. The page and
 * the evaluator read the same way.
 */
public final class RecentTallies {

  private final StatusStore store;

  /**
   * @param store where the minute figures are
   */
  public RecentTallies(StatusStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * The tallies since a moment: one read of the store, and one more per distinct end of a
   * maintenance within the window.
   *
   * @param from the start of the window (truncated to the minute by the store)
   * @param now the current time
   * @param spans the maintenances' spans
   * @return one tally per route with requests; a route inside a running span gets an empty one
   */
  public Map<RouteKey, Tally> read(Instant from, Instant now, MaintenanceSpans spans) {
    Map<RouteKey, Tally> tallies = sum(store.readSince(from));
    Map<Instant, List<RouteKey>> readFrom = new HashMap<>();
    for (RouteKey route : tallies.keySet()) {
      spans.latestEndAfter(route, from)
          .ifPresent(end -> readFrom.computeIfAbsent(end, e -> new ArrayList<>()).add(route));
    }
    for (Map.Entry<Instant, List<RouteKey>> since : readFrom.entrySet()) {
      Map<RouteKey, Tally> after =
          since.getKey().isAfter(now) ? Map.of() : sum(store.readSince(since.getKey()));
      for (RouteKey route : since.getValue()) {
        tallies.put(route, after.getOrDefault(route, Tally.empty()));
      }
    }
    return tallies;
  }

  private static Map<RouteKey, Tally> sum(List<RouteTally> read) {
    Map<RouteKey, Tally> sums = new HashMap<>();
    for (RouteTally tally : read) {
      sums.merge(tally.route(), tally.tally(), Tally::plus);
    }
    return sums;
  }
}
