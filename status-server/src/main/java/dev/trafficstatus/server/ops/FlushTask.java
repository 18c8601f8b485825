package dev.trafficstatus.server.ops;

import dev.trafficstatus.core.flush.FlushReport;
import dev.trafficstatus.core.flush.Flusher;
import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /tasks/trafficstatus-flush} on the admin port: writes everything counted so far,
 * the current partial minute included, without waiting for the next interval.
 */
public final class FlushTask extends Task {

  private final Flusher flusher;

  /** @param flusher the flusher */
  public FlushTask(Flusher flusher) {
    super("trafficstatus-flush");
    this.flusher = flusher;
  }

  @Override
  public void execute(Map<String, List<String>> parameters, PrintWriter output) {
    FlushReport report = flusher.flushAll();
    output.printf(
        "routes declared: %d, buckets harvested: %d, written: %d, pending: %d%s%n",
        report.routesDeclared(),
        report.bucketsHarvested(),
        report.bucketsWritten(),
        report.bucketsPending(),
        report.error().map(e -> ", store error: " + e).orElse(""));
  }
}
