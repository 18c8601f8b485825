package dev.trafficstatus.views.mustache;

import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.page.DayStatus;
import dev.trafficstatus.spi.page.RouteStatus;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A long window's squares, one per week: a year of days is 365 squares a route, more than a row can
 * show apart and most of the page's bytes, so windows longer than {@link #AFTER_DAYS} days are drawn
 * a week (Monday to Sunday, UTC) a square, the first and last weeks cut at the window's ends.
 *
 * <p>A week is drawn in the state of its worst day (an outage on one day is not averaged away), and
 * its title says its dates, that state, its requests and what they were, its uptime from the summed
 * successes and failures (as a day's), which day was the worst, and the highest daily p99: daily
 * percentiles do not add up to a week's, so the title names no weekly percentile it cannot know.
 */
final class WeekSquares {

  /** Windows longer than this are drawn a week a square. */
  static final int AFTER_DAYS = 90;

  private WeekSquares() {}

  /**
   * The squares of a route's days, oldest first.
   *
   * @param route the route, with a day for every day of the window, oldest first
   * @param today the window's last day
   * @param minimum the minimum request count for a verdict
   * @param notices the notices by square
   * @param deploys the deploys by square
   * @param words the page's language
   * @return a square per week
   */
  static List<PageView.Square> of(RouteStatus route, LocalDate today, long minimum,
      DayNotices notices, DeployTips deploys, Words words) {
    List<DayStatus> days = route.days();
    List<PageView.Square> squares = new ArrayList<>(days.size() / 7 + 2);
    int start = 0;
    while (start < days.size()) {
      int end = start + 1;
      while (end < days.size() && days.get(end).day().getDayOfWeek() != DayOfWeek.MONDAY) {
        end++;
      }
      List<DayStatus> week = days.subList(start, end);
      LocalDate first = week.get(0).day();
      LocalDate last = week.get(week.size() - 1).day();
      String deployed = deploys.suffix(route.key().service(), first, last);
      Health worst = worst(week);
      squares.add(new PageView.Square(PageViewBuilder.token(worst),
          tip(week, worst, last.equals(today), minimum, words)
              + notices.suffix(route.key(), first, last) + deployed,
          !deployed.isEmpty()));
      start = end;
    }
    return squares;
  }

  /**
   * A week's text, such as {@code 2025-01-06 to 2025-01-12 · Partial outage · 70,000 requests:
   * 69,000 successes, 1,000 failures, 0 ignored · 98.57 % uptime · worst day 2025-01-08 · highest
   * daily p99 120 ms}.
   */
  static String tip(List<DayStatus> week, Health worst, boolean today, long minimum, Words words) {
    LocalDate first = week.get(0).day();
    LocalDate last = week.get(week.size() - 1).day();
    long requests = 0;
    long successes = 0;
    long failures = 0;
    long ignored = 0;
    long maintenance = 0;
    Duration highestP99 = null;
    LocalDate worstDay = null;
    for (DayStatus day : week) {
      requests += day.requests();
      successes += day.successes();
      failures += day.failures();
      ignored += day.ignored();
      maintenance += day.maintenanceRequests();
      if (day.latency() != null
          && (highestP99 == null || day.latency().p99().compareTo(highestP99) > 0)) {
        highestP99 = day.latency().p99();
      }
      if (worstDay == null && day.health() == worst) {
        worstDay = day.day();
      }
    }
    StringBuilder text = new StringBuilder(200)
        .append(words.format("week_span", first.toString(), last.toString()));
    if (today) {
      text.append(' ').append(words.text("today_so_far"));
    }
    text.append(SquareTips.SEPARATOR);
    if (!worst.hasData()) {
      text.append(requests == 0 ? words.text("no_data_no_requests")
          : words.format("week_no_data", words.counted(requests, "request"), words.count(minimum)));
      return text.toString();
    }
    text.append(words.state(worst)).append(SquareTips.SEPARATOR);
    SquareTips.appendCounts(text, requests, successes, failures, ignored, words);
    SquareTips.appendMaintenance(text, maintenance, words);
    if (successes + failures > 0) {
      double uptime = 100.0 * successes / (successes + failures);
      text.append(SquareTips.SEPARATOR)
          .append(words.format("uptime", words.number(Figures.uptime(uptime, failures))));
    }
    if (severity(worst) > severity(Health.OPERATIONAL)) {
      text.append(SquareTips.SEPARATOR).append(words.format("week_worst", worstDay.toString()));
    }
    if (highestP99 != null) {
      text.append(SquareTips.SEPARATOR)
          .append(words.format("week_p99", words.number(Figures.latency(highestP99))));
    }
    return text.toString();
  }

  /** The worst state of the days: outages first, then degraded, operational, maintenance. */
  static Health worst(List<DayStatus> days) {
    Health worst = Health.NO_DATA;
    for (DayStatus day : days) {
      if (severity(day.health()) > severity(worst)) {
        worst = day.health();
      }
    }
    return worst;
  }

  private static int severity(Health health) {
    return switch (health) {
      case NO_DATA -> 0;
      case MAINTENANCE -> 1;
      case OPERATIONAL -> 2;
      case DEGRADED -> 3;
      case PARTIAL_OUTAGE -> 4;
      case MAJOR_OUTAGE -> 5;
    };
  }
}
