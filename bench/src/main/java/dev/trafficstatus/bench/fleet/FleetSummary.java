package dev.trafficstatus.bench.fleet;

import dev.trafficstatus.spi.store.MaintenanceReport;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The figures of one run in a few lines: medians (and the worst) over the steady minutes, the
 * first two minutes left out (the fleet's first flush declares its routes).
 */
final class FleetSummary {

  private final FleetSettings settings;
  private final List<MinuteFigures> steady;
  private final List<MinuteFigures> startUp;
  private final MinuteFigures last;
  private final FleetLedger ledger;
  private final long lost;
  private final MaintenanceReport retention;
  private final double retentionMillis;
  private final boolean exact;

  FleetSummary(
      FleetSettings settings,
      List<MinuteFigures> minutes,
      FleetLedger ledger,
      long lost,
      MaintenanceReport retention,
      double retentionMillis,
      boolean exact) {
    this.settings = settings;
    this.steady = minutes.size() > 2 ? minutes.subList(2, minutes.size()) : minutes;
    this.startUp = minutes.size() > 2 ? minutes.subList(0, 2) : List.of();
    this.last = minutes.get(minutes.size() - 1);
    this.ledger = ledger;
    this.lost = lost;
    this.retention = retention;
    this.retentionMillis = retentionMillis;
    this.exact = exact;
  }

  void print(PrintStream out) {
    double rowsPerMinute = median(MinuteFigures::rowsWritten);
    long maintenanceRuns = steady.stream().filter(m -> m.maintenanceMillis() >= 0).count();
    out.printf(Locale.ROOT, "%n## fleet %d instances x %d routes, %d minutes of %d ms%n",
        settings.instances(), settings.routes(), settings.minutes(), settings.minuteMillis());
    out.printf(Locale.ROOT, "rows per simulated minute: %.0f (%.0f rows/s real time)%n",
        rowsPerMinute, rowsPerMinute * 1000.0 / settings.minuteMillis());
    out.printf(Locale.ROOT, "flush latency ms: p50 %.1f (minutes' medians %.1f-%.1f), p99 %.1f (worst minute %.1f), max %.1f%n",
        median(MinuteFigures::flushP50Millis), min(MinuteFigures::flushP50Millis),
        max(MinuteFigures::flushP50Millis), median(MinuteFigures::flushP99Millis),
        max(MinuteFigures::flushP99Millis), max(MinuteFigures::flushMaxMillis));
    out.printf(Locale.ROOT, "flush round ms: median %.0f, max %.0f; minutes that overran: %d; failed flushes: %.0f%n",
        median(MinuteFigures::roundMillis), max(MinuteFigures::roundMillis),
        steady.stream().filter(MinuteFigures::overran).count(), sum(MinuteFigures::failedFlushes));
    // The first minutes are left out of the medians, but what a fleet's start does is told here:
    // every instance declares its routes and writes its first rows at once.
    out.printf(Locale.ROOT, "start-up (minutes 0-1): failed flushes %d, flush max %.0f ms, lock waits max %.0f session-ms, most waiters %d%n",
        startUp.stream().mapToInt(MinuteFigures::failedFlushes).sum(),
        startUp.stream().mapToDouble(MinuteFigures::flushMaxMillis).max().orElse(0),
        startUp.stream().mapToDouble(MinuteFigures::lockWaitMillis).max().orElse(0),
        startUp.stream().mapToInt(m -> (int) m.maxLockWaiters()).max().orElse(0));
    out.printf(Locale.ROOT, "lock waits per round, session-ms: median %.0f, max %.0f; most waiters at once %.0f; most active %.0f%n",
        median(MinuteFigures::lockWaitMillis), max(MinuteFigures::lockWaitMillis),
        max(MinuteFigures::maxLockWaiters), max(MinuteFigures::maxActive));
    out.printf(Locale.ROOT, "connections: %.0f at most%n", max(MinuteFigures::connections));
    out.printf(Locale.ROOT, "postgres CPU ms per simulated minute: median %.0f, max %.0f%n",
        median(MinuteFigures::postgresCpuMillis), max(MinuteFigures::postgresCpuMillis));
    out.printf(Locale.ROOT, "WAL bytes per simulated minute: median %.0f (%.0f per row written)%n",
        median(MinuteFigures::walBytes), median(MinuteFigures::walBytes) / Math.max(1, rowsPerMinute));
    out.printf(Locale.ROOT, "at the end: minute table %,d bytes + indexes %,d bytes; database %,d bytes%n",
        last.minuteTableBytes(), last.minuteIndexBytes(), last.databaseBytes());
    out.printf(Locale.ROOT, "page read (whole window) ms: median %.1f, max %.1f%n",
        median(MinuteFigures::pageMillis), max(MinuteFigures::pageMillis));
    out.printf(Locale.ROOT, "evaluator ms: median %.1f, max %.1f%n",
        median(MinuteFigures::evaluatorMillis), max(MinuteFigures::evaluatorMillis));
    out.printf(Locale.ROOT, "maintenance (rollups) ms over %d runs: median %.0f, max %.0f%n",
        maintenanceRuns, medianOf(m -> m.maintenanceMillis() >= 0, MinuteFigures::maintenanceMillis),
        max(MinuteFigures::maintenanceMillis));
    out.printf(Locale.ROOT, "retention: %,d minute rows deleted in %.0f ms (%s)%n",
        retention.minuteRowsDeleted(), retentionMillis, retention);
    out.printf(Locale.ROOT, "requests delivered %,d; lost with the killed instance %,d; page sums exact: %b%n",
        ledger.deliveredRequests(), lost, exact);
  }

  private double median(ToDoubleFunction<MinuteFigures> figure) {
    return medianOf(m -> true, figure);
  }

  private double medianOf(java.util.function.Predicate<MinuteFigures> which, ToDoubleFunction<MinuteFigures> figure) {
    double[] values = steady.stream().filter(which).mapToDouble(figure).toArray();
    return FleetSimulator.percentile(values, 50);
  }

  private double max(ToDoubleFunction<MinuteFigures> figure) {
    return steady.stream().mapToDouble(figure).max().orElse(0);
  }

  private double min(ToDoubleFunction<MinuteFigures> figure) {
    return steady.stream().mapToDouble(figure).min().orElse(0);
  }

  private double sum(ToDoubleFunction<MinuteFigures> figure) {
    return steady.stream().mapToDouble(figure).sum();
  }
}
