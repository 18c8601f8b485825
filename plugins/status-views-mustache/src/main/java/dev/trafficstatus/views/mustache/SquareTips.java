package dev.trafficstatus.views.mustache;

import dev.trafficstatus.spi.page.DayStatus;
import dev.trafficstatus.spi.page.Latency;

/**
 * The words of a square's title (its accessible name, and what the script's tooltip shows), and of
 * the counts a card's totals share with it. Parts are joined by {@link #SEPARATOR}: the script
 * shows the first as the date and the second as the state.
 */
final class SquareTips {

  /** Between the parts of a title. */
  static final String SEPARATOR = " · ";

  private SquareTips() {}

  /**
   * A day's square's text, such as {@code 2025-01-05 · Operational · 12,345 requests: 12,300
   * successes, 2 failures, 43 ignored · 99.98 % uptime · p50 12 ms · p95 40 ms · p99 120 ms}.
   *
   * @param day the day's figures
   * @param today whether the day is today, so far
   * @param minimum the minimum request count for a verdict
   * @param words the page's language
   * @return the text
   */
  static String day(DayStatus day, boolean today, long minimum, Words words) {
    StringBuilder text = new StringBuilder(160).append(day.day());
    if (today) {
      text.append(' ').append(words.text("today_so_far"));
    }
    text.append(SEPARATOR);
    if (!day.health().hasData()) {
      return text.append(noData(day.requests(), minimum, words)).toString();
    }
    text.append(words.state(day.health())).append(SEPARATOR);
    appendCounts(text, day.requests(), day.successes(), day.failures(), day.ignored(), words);
    appendMaintenance(text, day.maintenanceRequests(), words);
    if (day.uptimePercent() != null) {
      text.append(SEPARATOR).append(
          words.format("uptime", words.number(Figures.uptime(day.uptimePercent(), day.failures()))));
    }
    appendLatency(text, day.latency(), words);
    return text.toString();
  }

  private static String noData(long requests, long minimum, Words words) {
    if (requests == 0) {
      return words.text("no_data_no_requests");
    }
    if (requests < minimum) {
      return words.format("no_data_below", words.counted(requests, "request"), words.count(minimum));
    }
    // The minimum counts successes and failures; the rest of these requests were ignored codes.
    return words.format("no_data_ignored", words.counted(requests, "request"), words.count(minimum));
  }

  /**
   * Requests and what they were, such as {@code 12,345 requests: 12,300 successes, 2 failures,
   * 43 ignored}: ignored requests count neither way, so requests minus failures are not successes.
   */
  static void appendCounts(StringBuilder text, long requests, long successes,
      long failures, long ignored, Words words) {
    text.append(words.format("counts", words.counted(requests, "request"),
        words.counted(successes, "success"), words.counted(failures, "failure"), words.count(ignored)));
  }

  /** The requests answered inside maintenance windows, when there were any. */
  static void appendMaintenance(StringBuilder text, long requests, Words words) {
    if (requests > 0) {
      text.append(SEPARATOR)
          .append(words.format("during_maintenance", words.counted(requests, "request")));
    }
  }

  /** The three percentiles, when there were requests. */
  static void appendLatency(StringBuilder text, Latency latency, Words words) {
    if (latency == null) {
      return;
    }
    text.append(SEPARATOR).append("p50 ").append(words.number(Figures.latency(latency.p50())))
        .append(SEPARATOR).append("p95 ").append(words.number(Figures.latency(latency.p95())))
        .append(SEPARATOR).append("p99 ").append(words.number(Figures.latency(latency.p99())));
  }
}
