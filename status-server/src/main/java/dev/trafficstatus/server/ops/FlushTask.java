package dev.trafficstatus.server.ops;

import dev.trafficstatus.core.flush.FlushReport;
import dev.trafficstatus.core.flush.Flusher;
import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /tasks/trafficstatus-flush} on the admin port: writes everything counted so far,
 * the current partial minute included, without waiting for the next interval, and lets this
 * process's page show it at once.
 */
public final class FlushTask extends Task {

  private final Flusher flusher;
  private final Runnable afterFlush;

  /**
   * @param flusher the flusher
   * @param afterFlush what to do once written, such as forgetting the cached page
   */
  public FlushTask(Flusher flusher, Runnable afterFlush) {
    super("trafficstatus-flush");
    this.flusher = flusher;
    this.afterFlush = afterFlush;
  }

  @Override
  public void execute(Map<String, List<String>> parameters, PrintWriter output) {
    FlushReport report = flusher.flushAll();
    afterFlush.run();
    output.printf(
        "routes declared: %d, buckets harvested: %d, written: %d, pending: %d%s%n",
        report.routesDeclared(),
        report.bucketsHarvested(),
        report.bucketsWritten(),
        report.bucketsPending(),
        report.error().map(e -> ", store error: " + e).orElse(""));
  }
}
