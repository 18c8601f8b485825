package dev.trafficstatus.capture.probe;

import io.dropwizard.util.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** The start-up log's line about a probe capture. */
final class ProbeSummary {

  /** Names listed at most; a urls.cfg may hold hundreds. */
  private static final int NAMES_DESCRIBED = 10;

  private ProbeSummary() {}

  /**
   * Says what a capture probes, such as {@code 3 probes, every 30s, at most 4 at a time: a, b, c}.
   *
   * @param runs the probes
   * @param urlsFile the urls.cfg they partly come from, or null
   * @param maxConcurrency requests in flight at once
   * @return one line
   */
  static String describe(List<ProbeRun> runs, String urlsFile, int maxConcurrency) {
    if (runs.isEmpty()) {
      return "no probes: list them under probes or in a urlsFile";
    }
    long fromFile = runs.stream().filter(run -> run.probe.fromUrlsFile()).count();
    List<Duration> intervals = runs.stream().map(run -> run.probe.interval()).sorted().toList();
    Duration shortest = intervals.get(0);
    Duration longest = intervals.get(intervals.size() - 1);
    return runs.size() + (runs.size() == 1 ? " probe" : " probes")
        + (fromFile > 0 ? " (" + fromFile + " from " + urlsFile + ")" : "")
        + ", every " + Probe.text(shortest)
        + (shortest.compareTo(longest) < 0 ? " to " + Probe.text(longest) : "")
        + ", at most " + maxConcurrency + " at a time: "
        + runs.stream()
            .limit(NAMES_DESCRIBED)
            .map(run -> run.probe.name())
            .collect(Collectors.joining(", "))
        + (runs.size() > NAMES_DESCRIBED ? " and " + (runs.size() - NAMES_DESCRIBED) + " more" : "");
  }
}
