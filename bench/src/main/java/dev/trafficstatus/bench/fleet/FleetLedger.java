package dev.trafficstatus.bench.fleet;

/**
 * What the fleet delivered to the store, per route: the requests of every flush that completed.
 * The page must show exactly these sums at the end of a run. Thread-safe.
 */
final class FleetLedger {

  private final long[] total;
  private final long[] failures;
  private long lost;

  FleetLedger(int routes) {
    this.total = new long[routes];
    this.failures = new long[routes];
  }

  synchronized void delivered(long[] routeTotals, long[] routeFailures) {
    for (int r = 0; r < total.length; r++) {
      total[r] += routeTotals[r];
      failures[r] += routeFailures[r];
    }
  }

  synchronized void lost(long requests) {
    lost += requests;
  }

  synchronized long total(int route) {
    return total[route];
  }

  synchronized long failures(int route) {
    return failures[route];
  }

  synchronized long lost() {
    return lost;
  }

  synchronized long deliveredRequests() {
    long sum = 0;
    for (long t : total) {
      sum += t;
    }
    return sum;
  }
}
