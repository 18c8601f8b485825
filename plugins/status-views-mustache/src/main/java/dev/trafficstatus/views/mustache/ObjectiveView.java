package dev.trafficstatus.views.mustache;

import dev.trafficstatus.spi.page.ObjectiveStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One objective's indicator as a card and the objectives page show it: words, a budget bar and a
 * sparkline drawn in SVG on the server (no script).
 *
 * @param name the objective's name
 * @param target such as "availability 99.9 % over 30 days" or "99 % within 300 ms over 30 days"
 * @param attainment such as "99.975 % attained", or "No requests yet"
 * @param budget such as "75.0 % of the error budget left (750 of 1,000 requests)"
 * @param barWidth the remaining budget as the bar's width, 0 to 100
 * @param barState {@code ok}, {@code low} (under a quarter left) or {@code spent}
 * @param burn such as "burning 14.4× over the last hour, spent in 1 day 13 h at this rate"
 * @param alerting whether a burn-rate alert fires
 * @param sparkline the SVG polyline's points, x from 0 to 100, y from 0 (full) to 20 (spent)
 * @param hasSparkline whether there are at least two days with requests
 * @param remainingSort the remaining percent for sorting, spent first, no data last
 */
record ObjectiveView(
    String name,
    String target,
    String attainment,
    String budget,
    int barWidth,
    String barState,
    String burn,
    boolean alerting,
    String sparkline,
    boolean hasSparkline,
    double remainingSort) {

  ObjectiveView {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(attainment, "attainment");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(barState, "barState");
    Objects.requireNonNull(burn, "burn");
    Objects.requireNonNull(sparkline, "sparkline");
  }

  /**
   * Words an objective.
   *
   * @param objective the objective's figures
   * @param words the texts of the page's language
   * @return the view
   */
  static ObjectiveView of(ObjectiveStatus objective, Words words) {
    String over = words.counted(objective.windowDays(), "day");
    String target = objective.latencyThreshold() == null
        ? words.format("target_availability", percent(objective.targetPercent(), words), over)
        : words.format("target_latency", percent(objective.targetPercent(), words),
            words.number(Figures.latency(objective.latencyThreshold())), over);
    Double left = objective.remainingPercent();
    String attainment = objective.attainmentPercent() == null
        ? words.text("no_requests_yet")
        : words.format("attained",
            words.number(Figures.uptime(objective.attainmentPercent(), objective.spent())));
    String budget = left == null
        ? words.text("no_budget_yet")
        : left <= 0
            ? words.format("budget_spent", words.count(objective.spent()),
                amount(objective.budget(), words))
            : words.format("budget_left", words.number(String.format(Locale.ROOT, "%.1f %%", left)),
                amount(Math.max(0, objective.remaining()), words), amount(objective.budget(), words));
    int width = left == null ? 0 : (int) Math.round(Math.max(0, Math.min(100, left)));
    String state = left == null || left > 25 ? "ok" : left > 0 ? "low" : "spent";
    return new ObjectiveView(objective.name(), target, attainment, budget, width, state,
        burn(objective, words), objective.alerting(), sparkline(objective.budgetByDay()),
        objective.budgetByDay().stream().filter(Objects::nonNull).count() >= 2,
        left == null ? Double.MAX_VALUE : left);
  }

  private static String burn(ObjectiveStatus objective, Words words) {
    if (objective.currentBurn() == null) {
      return words.text("no_requests_last_hour");
    }
    String burn = words.format("burning",
        words.number(String.format(Locale.ROOT, "%.1f×", objective.currentBurn())));
    Duration exhaustion = objective.exhaustion();
    if (exhaustion == null || objective.remainingPercent() == null || objective.remainingPercent() <= 0) {
      return burn;
    }
    return words.format("spent_in", burn, words.duration(exhaustion));
  }

  /** Points of a polyline 100 wide and 20 high: the full budget at the top, none at the bottom. */
  private static String sparkline(List<Double> days) {
    List<String> points = new ArrayList<>();
    int n = days.size();
    for (int i = 0; i < n; i++) {
      Double left = days.get(i);
      if (left == null) {
        continue;
      }
      double x = n == 1 ? 0 : 100.0 * i / (n - 1);
      double y = 20 - 20 * Math.max(0, Math.min(100, left)) / 100;
      points.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
    }
    return String.join(" ", points);
  }

  /** A budget in requests: whole above 100, else two significant digits (0.03 of 30 at 99.9 %). */
  private static String amount(double requests, Words words) {
    if (requests >= 100) {
      return words.count(Math.round(requests));
    }
    return words.number(java.math.BigDecimal.valueOf(requests).round(new java.math.MathContext(2))
        .stripTrailingZeros().toPlainString());
  }

  private static String percent(double percent, Words words) {
    return words.number(java.math.BigDecimal.valueOf(percent).stripTrailingZeros().toPlainString() + " %");
  }
}
