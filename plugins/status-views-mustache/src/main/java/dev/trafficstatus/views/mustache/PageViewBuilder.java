package dev.trafficstatus.views.mustache;

import dev.trafficstatus.spi.page.DayStatus;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.page.Latency;
import dev.trafficstatus.spi.page.ObjectiveOrder;
import dev.trafficstatus.spi.page.PageLinks;
import dev.trafficstatus.spi.page.RouteGroup;
import dev.trafficstatus.spi.page.RouteStatus;
import dev.trafficstatus.spi.page.StatusPage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Words the page model for people: turns figures into the texts and CSS tokens the template
 * writes. Pure and thread-safe.
 */
final class PageViewBuilder {

  private static final String SEPARATOR = " · ";

  /** Beyond this many days, squares at normal spacing no longer fit a laptop-wide row. */
  private static final int SPACED_DAYS = 120;

  private final List<Integer> windows;

  private final AssetBundle assets;

  /**
   * @param windows the window lengths the switcher offers, in days
   * @param assets the bundled files, for their addresses
   */
  PageViewBuilder(List<Integer> windows, AssetBundle assets) {
    this.windows = List.copyOf(windows);
    this.assets = Objects.requireNonNull(assets, "assets");
  }

  /**
   * Builds the view of a page.
   *
   * @param page the model
   * @param links where the page and its assets are served
   * @return the view
   */
  PageView build(StatusPage page, PageLinks links) {
    int days = page.days();
    String windowText = windowText(days);
    DayNotices dayNotices = DayNotices.of(page);
    MaintenanceTime maintenance = MaintenanceTime.of(page);
    List<PageView.Group> groups = new ArrayList<>(page.groups().size());
    int index = 0;
    for (RouteGroup group : page.groups()) {
      index++;
      List<PageView.Card> cards = new ArrayList<>(group.routes().size());
      for (RouteStatus route : group.routes()) {
        cards.add(card(page, route, windowText, dayNotices, maintenance));
      }
      groups.add(new PageView.Group("group-" + index, group.name(), cards));
    }
    return new PageView(
        page.title(),
        page.headline(),
        token(page.overall()),
        Math.max(1, page.refresh().toSeconds()),
        page.generatedAt().truncatedTo(ChronoUnit.SECONDS).toString(),
        Figures.dateTime(page.generatedAt(), page.zone()),
        page.stale()
            ? "Figures as of " + Figures.time(page.generatedAt(), page.zone())
                + ": the status database is unreachable"
            : "",
        page.stale(),
        windowText,
        days > SPACED_DAYS ? "dense" : "normal",
        windowLinks(links.page(), days, page.maxDays()),
        groups,
        legend(page.minimumRequests()),
        "Each square is one calendar day in UTC, oldest on the left, today on the right;"
            + " hover over or focus a square for its figures.",
        assets.href(links.assets(), AssetBundle.STYLE),
        assets.href(links.assets(), AssetBundle.SCRIPT),
        assets.href(links.assets(), AssetBundle.ICON),
        NoticeSections.of(page, links),
        page.objectives().isEmpty() ? null : new PageView.ObjectivesLink(
            links.objectives(ObjectiveOrder.REMAINING), "Service level objectives, least error budget left first"));
  }

  /**
   * The CSS token of a state; also the state's suffix in {@code state-…} class names.
   *
   * @param health the state
   * @return the token
   */
  static String token(Health health) {
    return switch (health) {
      case OPERATIONAL -> "operational";
      case DEGRADED -> "degraded";
      case PARTIAL_OUTAGE -> "partial";
      case MAJOR_OUTAGE -> "major";
      case NO_DATA -> "nodata";
      case MAINTENANCE -> "maintenance";
    };
  }

  private PageView.Card card(StatusPage page, RouteStatus route, String windowText,
      DayNotices dayNotices, MaintenanceTime maintenance) {
    List<DayStatus> statuses = route.days();
    List<PageView.Square> squares = new ArrayList<>(statuses.size());
    LocalDate today = page.lastDay();
    for (DayStatus day : statuses) {
      squares.add(new PageView.Square(token(day.health()),
          tip(day, today, page.minimumRequests()) + dayNotices.suffix(route.key(), day.day())));
    }
    return new PageView.Card(
        route.name(),
        route.key().rule(),
        route.doc(),
        !route.doc().isBlank(),
        token(route.current()),
        route.current().label(),
        uptimeText(route, page, windowText, maintenance),
        totals(route),
        page.firstDay().toString(),
        "Today",
        "Daily status of " + route.name() + " over " + windowText + ", oldest first",
        squares,
        page.objectivesOf(route.key()).stream().map(ObjectiveView::of).toList());
  }

  /**
   * The window's uptime, or why there is none; never a verdict on too few requests. When requests
   * inside maintenance windows were left out, it says so: for how long, when the page knows the
   * windows, else how many requests.
   */
  private static String uptimeText(
      RouteStatus route, StatusPage page, String windowText, MaintenanceTime maintenance) {
    if (route.uptimePercent() == null || route.requests() < page.minimumRequests()) {
      return "No data in " + windowText;
    }
    String uptime = Figures.uptime(route.uptimePercent(), route.failures()) + " uptime in " + windowText;
    if (!page.maintenanceExcluded() || route.maintenanceRequests() == 0) {
      return uptime;
    }
    Duration spent = maintenance.of(route.key());
    return uptime + ", excluding " + (spent.isZero()
        ? Figures.counted(route.maintenanceRequests(), "request") + " during maintenance"
        : Figures.duration(spent) + " of maintenance");
  }

  private static String totals(RouteStatus route) {
    if (route.requests() == 0 && route.maintenanceRequests() == 0) {
      return "No requests";
    }
    StringBuilder text = new StringBuilder(128);
    appendCounts(text, route.requests(), route.successes(), route.failures(), route.ignored());
    appendMaintenance(text, route.maintenanceRequests());
    appendLatency(text, route.latency());
    return text.toString();
  }

  private static void appendMaintenance(StringBuilder text, long requests) {
    if (requests > 0) {
      text.append(SEPARATOR).append(Figures.counted(requests, "request")).append(" during maintenance");
    }
  }

  /**
   * Requests and what they were, such as {@code 12,345 requests: 12,300 successes, 2 failures,
   * 43 ignored}: ignored requests count neither way, so requests minus failures are not successes.
   */
  private static void appendCounts(
      StringBuilder text, long requests, long successes, long failures, long ignored) {
    text.append(Figures.counted(requests, "request"))
        .append(": ")
        .append(Figures.counted(successes, "success"))
        .append(", ")
        .append(Figures.counted(failures, "failure"))
        .append(", ")
        .append(Figures.count(ignored))
        .append(" ignored");
  }

  /**
   * A square's text, such as {@code 2025-01-05 · Operational · 12,345 requests: 12,300 successes,
   * 2 failures, 43 ignored · 99.98 % uptime · p50 12 ms · p95 40 ms · p99 120 ms}.
   */
  static String tip(DayStatus day, LocalDate today, long minimum) {
    StringBuilder text = new StringBuilder(128).append(day.day());
    if (day.day().equals(today)) {
      text.append(" (today, so far)");
    }
    text.append(SEPARATOR);
    if (!day.health().hasData()) {
      return text.append(noData(day.requests(), minimum)).toString();
    }
    text.append(day.health().label()).append(SEPARATOR);
    appendCounts(text, day.requests(), day.successes(), day.failures(), day.ignored());
    appendMaintenance(text, day.maintenanceRequests());
    if (day.uptimePercent() != null) {
      text.append(SEPARATOR).append(Figures.uptime(day.uptimePercent(), day.failures())).append(" uptime");
    }
    appendLatency(text, day.latency());
    return text.toString();
  }

  private static String noData(long requests, long minimum) {
    if (requests == 0) {
      return "No data (no requests)";
    }
    if (requests < minimum) {
      return "No data (" + Figures.counted(requests, "request") + ", below the minimum of "
          + Figures.count(minimum) + ")";
    }
    // The minimum counts successes and failures; the rest of these requests were ignored codes.
    return "No data (" + Figures.counted(requests, "request") + ", fewer than "
        + Figures.count(minimum) + " of them successes or failures)";
  }

  private static void appendLatency(StringBuilder text, Latency latency) {
    if (latency == null) {
      return;
    }
    text.append(SEPARATOR).append("p50 ").append(Figures.latency(latency.p50()))
        .append(SEPARATOR).append("p95 ").append(Figures.latency(latency.p95()))
        .append(SEPARATOR).append("p99 ").append(Figures.latency(latency.p99()));
  }

  private static String windowText(int days) {
    return days == 1 ? "the last day" : "the last " + Figures.count(days) + " days";
  }

  /** Links to the configured windows the server serves (none longer than its maximum). */
  private List<PageView.WindowLink> windowLinks(String pagePath, int days, int maxDays) {
    List<PageView.WindowLink> links = new ArrayList<>(windows.size());
    for (int length : windows) {
      if (length > maxDays) {
        continue;
      }
      links.add(new PageView.WindowLink(
          length == 1 ? "1 day" : Figures.count(length) + " days",
          pagePath + "?days=" + length,
          length == days,
          !links.isEmpty()));
    }
    return links;
  }

  private static List<PageView.LegendEntry> legend(long minimum) {
    List<PageView.LegendEntry> entries = new ArrayList<>();
    for (Health health : Health.values()) {
      entries.add(new PageView.LegendEntry(token(health), health.label(), meaning(health, minimum)));
    }
    return entries;
  }

  private static String meaning(Health health, long minimum) {
    return switch (health) {
      case OPERATIONAL -> "failures within normal bounds";
      case DEGRADED -> "more failures than usual";
      case PARTIAL_OUTAGE -> "many requests failed";
      case MAJOR_OUTAGE -> "most requests failed";
      case NO_DATA -> "fewer than " + Figures.counted(minimum, "request")
          + ", too few for a verdict; neither good nor bad";
      case MAINTENANCE -> "planned work: requests inside the window count neither way";
    };
  }
}
