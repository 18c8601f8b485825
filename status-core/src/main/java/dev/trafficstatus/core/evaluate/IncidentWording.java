package dev.trafficstatus.core.evaluate;

import dev.trafficstatus.core.status.HealthPolicy;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.store.Tally;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What automatic incidents say, in plain text: a title naming the failing routes, and one line per
 * route with the figures it was judged on ("Checkout: partial outage, 38 % of requests failing over
 * the last 5 minutes (190 of 500).").
 */
final class IncidentWording {

  /** The most route lines in one update: the body stays far below its limit. */
  static final int MAX_LINES = 50;

  private static final int MAX_ROUTE_NAME = 60;

  private final Duration window;
  private final long minimumRequests;

  IncidentWording(Duration window, long minimumRequests) {
    this.window = window;
    this.minimumRequests = minimumRequests;
  }

  /** A title such as "Checkout is failing" or "Checkout and 2 other routes are failing". */
  static String title(List<String> routeNames) {
    String first = shortened(routeNames.get(0));
    return switch (routeNames.size()) {
      case 1 -> first + " is failing";
      case 2 -> first + " and " + shortened(routeNames.get(1)) + " are failing";
      default -> first + " and " + (routeNames.size() - 1) + " other routes are failing";
    };
  }

  /** The lines of an update, one per route, at most {@link #MAX_LINES} of them. */
  String body(List<RouteReading> readings) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < readings.size() && i < MAX_LINES; i++) {
      lines.add(line(readings.get(i)));
    }
    if (readings.size() > MAX_LINES) {
      lines.add("… and " + (readings.size() - MAX_LINES) + " more routes.");
    }
    return String.join("\n", lines);
  }

  /** The update that resolves an incident. */
  String resolved(Duration resolveAfter) {
    return "Every affected route has been operational for " + duration(resolveAfter)
        + ": resolved automatically.";
  }

  private String line(RouteReading reading) {
    Tally tally = reading.tally();
    long counted = tally.success() + tally.failure();
    String name = shortened(reading.name());
    if (reading.state() == Health.NO_DATA) {
      return name + ": no verdict, " + count(counted) + " requests counted over the last "
          + duration(window) + " (a verdict needs " + count(minimumRequests) + ").";
    }
    Double uptime = HealthPolicy.uptimePercent(tally.success(), tally.failure());
    double failing = uptime == null ? 0 : 100.0 - uptime;
    return name + ": " + reading.state().label().toLowerCase(Locale.ROOT) + ", " + percent(failing)
        + " % of requests failing over the last " + duration(window) + " (" + count(tally.failure())
        + " of " + count(counted) + ").";
  }

  /** A share as people read it: whole percents from 10, one decimal from 1, two below. */
  static String percent(double value) {
    if (value == 0) {
      return "0";
    }
    String format = value >= 9.5 ? "%.0f" : value >= 0.995 ? "%.1f" : "%.2f";
    return String.format(Locale.ROOT, format, value);
  }

  private static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** A duration in words: "5 minutes", "1 hour", "1 hour 30 minutes". */
  static String duration(Duration duration) {
    long minutes = duration.toMinutes();
    List<String> parts = new ArrayList<>();
    long days = minutes / (24 * 60);
    long hours = minutes / 60 % 24;
    long rest = minutes % 60;
    if (days > 0) {
      parts.add(days + (days == 1 ? " day" : " days"));
    }
    if (hours > 0) {
      parts.add(hours + (hours == 1 ? " hour" : " hours"));
    }
    if (rest > 0 || parts.isEmpty()) {
      parts.add(rest + (rest == 1 ? " minute" : " minutes"));
    }
    return String.join(" ", parts);
  }

  private static String shortened(String name) {
    if (name.codePointCount(0, name.length()) <= MAX_ROUTE_NAME) {
      return name;
    }
    return name.substring(0, name.offsetByCodePoints(0, MAX_ROUTE_NAME - 1)) + "…";
  }
}
