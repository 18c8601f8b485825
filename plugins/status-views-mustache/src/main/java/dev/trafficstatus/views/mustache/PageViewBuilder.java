package dev.trafficstatus.views.mustache;

import dev.trafficstatus.spi.page.DayStatus;
import dev.trafficstatus.spi.page.IncompleteFigures;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.page.ObjectiveOrder;
import dev.trafficstatus.spi.page.PageLinks;
import dev.trafficstatus.spi.page.RouteGroup;
import dev.trafficstatus.spi.page.RouteStatus;
import dev.trafficstatus.spi.page.StatusPage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Words the page model for people: turns figures into the texts and CSS tokens the template
 * writes. Thread-safe; keeps the day squares it wrote for later renders ({@link SquareMarkup}).
 */
final class PageViewBuilder {

  /** Seconds past the first flush before reloading: the write itself takes a moment. */
  private static final long FIRST_FIGURES_SLACK = 2;

  /** Beyond this many squares, squares at normal spacing no longer fit a laptop-wide row. */
  private static final int SPACED_SQUARES = 120;

  private final List<Integer> windows;

  private final AssetBundle assets;

  /** The squares written by earlier renders, kept while they show the same. */
  private final SquareMarkup markup = new SquareMarkup();

  /** The rows of closed days written by earlier renders. */
  private final SquareRuns runs = new SquareRuns(markup);

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
   * @param words the texts of the page's language
   * @param firstFiguresAt when a new server's first figures will be there; empty once there are
   * @return the view
   */
  PageView build(StatusPage page, PageLinks links, Words words, Optional<Instant> firstFiguresAt) {
    int days = page.days();
    if (days <= WeekSquares.AFTER_DAYS) {
      markup.expect(page.groups().stream().mapToInt(group -> group.routes().size()).sum() * days);
    }
    String windowText = windowText(days, words);
    DayNotices dayNotices = DayNotices.of(page, words);
    DeployTips deploys = DeployTips.of(page, words);
    MaintenanceTime maintenance = MaintenanceTime.of(page);
    List<PageView.Group> groups = new ArrayList<>(page.groups().size());
    int index = 0;
    for (RouteGroup group : page.groups()) {
      index++;
      List<PageView.Card> cards = new ArrayList<>(group.routes().size());
      for (RouteStatus route : group.routes()) {
        cards.add(card(page, route, windowText, dayNotices, deploys, maintenance, words));
      }
      groups.add(new PageView.Group("group-" + index, group.name(), cards));
    }
    return new PageView(
        page.title(),
        words.headline(page.overall(), page.headline()),
        token(page.overall()),
        refreshSeconds(page, firstFiguresAt),
        page.generatedAt().truncatedTo(ChronoUnit.SECONDS).toString(),
        words.dateTime(page.generatedAt(), page.zone()),
        page.stale() ? words.format("stale", Figures.time(page.generatedAt(), page.zone())) : "",
        page.stale(),
        page.incomplete().stream().map(figures -> incomplete(figures, words)).toList(),
        windowText,
        squaresPerRow(days) > SPACED_SQUARES ? "dense" : "normal",
        windowLinks(links.page(), days, page.maxDays(), words),
        groups,
        legend(page.minimumRequests(), words),
        words.text(days > WeekSquares.AFTER_DAYS ? "legend_note_weeks" : "legend_note"),
        assets.href(links.assets(), AssetBundle.STYLE),
        assets.href(links.assets(), AssetBundle.SCRIPT),
        assets.href(links.assets(), AssetBundle.ICON),
        NoticeSections.of(page, links, words),
        page.objectives().isEmpty() ? null : new PageView.ObjectivesLink(
            links.objectives(ObjectiveOrder.REMAINING), words.text("objectives_link")),
        firstFiguresAt.isPresent(),
        firstFiguresAt.map(at -> words.format("first_figures", Figures.time(at, page.zone()))).orElse(""));
  }

  /** At most how many squares a row of a window has: a day's each, or a week's in long windows. */
  private static int squaresPerRow(int days) {
    return days > WeekSquares.AFTER_DAYS ? days / 7 + 2 : days;
  }

  /**
   * The page's reload interval; while a new server has no figures, until just after the first
   * ones are written, so the reader sees them without waiting a whole interval more.
   */
  private static long refreshSeconds(StatusPage page, Optional<Instant> firstFiguresAt) {
    long every = Math.max(1, page.refresh().toSeconds());
    if (firstFiguresAt.isEmpty()) {
      return every;
    }
    // From when the figures were read: a copy served later from cache reloads that much later,
    // never before the figures are there.
    long until = Duration.between(page.generatedAt(), firstFiguresAt.get()).toSeconds() + FIRST_FIGURES_SLACK;
    return Math.max(1, Math.min(every, until));
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
      DayNotices dayNotices, DeployTips deploys, MaintenanceTime maintenance, Words words) {
    String squares;
    PageView.DeferredSquares days;
    String daysLabel;
    if (page.days() > WeekSquares.AFTER_DAYS) {
      List<PageView.Square> weeks = WeekSquares.of(
          route, page.lastDay(), page.minimumRequests(), dayNotices, deploys, words);
      StringBuilder row = new StringBuilder(weeks.size() * 256);
      for (PageView.Square week : weeks) {
        row.append(SquareMarkup.square(week.state(), week.tip(), week.deployed()));
      }
      squares = row.toString();
      days = new PageView.DeferredSquares(() -> weeks);
      daysLabel = words.format("weeks_label", route.name(), windowText);
    } else {
      squares = daySquares(page, route, dayNotices, deploys, words);
      days = new PageView.DeferredSquares(() -> daySquareList(page, route, dayNotices, deploys, words));
      daysLabel = words.format("days_label", route.name(), windowText);
    }
    return new PageView.Card(
        route.name(),
        route.key().rule(),
        route.doc(),
        !route.doc().isBlank(),
        token(route.current()),
        words.state(route.current()),
        uptimeText(route, page, windowText, maintenance, words),
        totals(route, words),
        page.firstDay().toString(),
        words.text("today"),
        daysLabel,
        squares,
        days,
        page.objectivesOf(route.key()).stream().map(objective -> ObjectiveView.of(objective, words)).toList());
  }

  /** The markup of a route's day squares, kept or written now (see {@link SquareRuns}). */
  private String daySquares(StatusPage page, RouteStatus route, DayNotices dayNotices,
      DeployTips deploys, Words words) {
    return runs.row(route.key(), route.days(), page.lastDay(), page.minimumRequests(), words,
        dayNotices, deploys);
  }

  /** A route's day squares as an owner's template reads them. */
  private static List<PageView.Square> daySquareList(StatusPage page, RouteStatus route,
      DayNotices dayNotices, DeployTips deploys, Words words) {
    List<PageView.Square> squares = new ArrayList<>(route.days().size());
    LocalDate today = page.lastDay();
    for (DayStatus day : route.days()) {
      String deployed = deploys.suffix(route.key().service(), day.day());
      squares.add(new PageView.Square(token(day.health()),
          SquareTips.day(day, day.day().equals(today), page.minimumRequests(), words)
              + dayNotices.suffix(route.key(), day.day()) + deployed,
          !deployed.isEmpty()));
    }
    return squares;
  }

  /**
   * The window's uptime, or why there is none; never a verdict on too few requests. When requests
   * inside maintenance windows were left out, it says so: for how long, when the page knows the
   * windows, else how many requests.
   */
  private static String uptimeText(RouteStatus route, StatusPage page, String windowText,
      MaintenanceTime maintenance, Words words) {
    if (route.uptimePercent() == null || route.requests() < page.minimumRequests()) {
      return words.format("no_data_in", windowText);
    }
    String uptime = words.format("uptime_in",
        words.number(Figures.uptime(route.uptimePercent(), route.failures())), windowText);
    if (!page.maintenanceExcluded() || route.maintenanceRequests() == 0) {
      return uptime;
    }
    Duration spent = maintenance.of(route.key());
    return uptime + words.format("excluding", spent.isZero()
        ? words.format("during_maintenance", words.counted(route.maintenanceRequests(), "request"))
        : words.format("of_maintenance", words.duration(spent)));
  }

  private static String totals(RouteStatus route, Words words) {
    if (route.requests() == 0 && route.maintenanceRequests() == 0) {
      return words.text("no_requests");
    }
    StringBuilder text = new StringBuilder(128);
    SquareTips.appendCounts(text, route.requests(), route.successes(), route.failures(), route.ignored(), words);
    SquareTips.appendMaintenance(text, route.maintenanceRequests(), words);
    SquareTips.appendLatency(text, route.latency(), words);
    return text.toString();
  }

  /** A service's silent instances, as the page says it: "Shop: figures incomplete: 2 of 12 ...". */
  private static String incomplete(IncompleteFigures figures, Words words) {
    String key = figures.instances() == 1 ? "incomplete_of_one"
        : figures.silent() == 1 ? "incomplete_one" : "incomplete_other";
    return words.format(key, Figures.isolated(figures.service()), words.count(figures.silent()),
        words.count(figures.instances()),
        words.counted(Math.max(1, figures.silentFor().toMinutes()), "minute"));
  }

  private static String windowText(int days, Words words) {
    return days == 1 ? words.text("window_one") : words.format("window_other", words.count(days));
  }

  /** Links to the configured windows the server serves (none longer than its maximum). */
  private List<PageView.WindowLink> windowLinks(String pagePath, int days, int maxDays, Words words) {
    List<PageView.WindowLink> links = new ArrayList<>(windows.size());
    for (int length : windows) {
      if (length > maxDays) {
        continue;
      }
      links.add(new PageView.WindowLink(
          length == 1 ? words.text("window_link_one") : words.format("window_link_other", words.count(length)),
          pagePath + "?days=" + length,
          length == days,
          !links.isEmpty()));
    }
    return links;
  }

  private static List<PageView.LegendEntry> legend(long minimum, Words words) {
    List<PageView.LegendEntry> entries = new ArrayList<>();
    for (Health health : Health.values()) {
      entries.add(new PageView.LegendEntry(token(health), words.state(health),
          words.format("meaning_" + token(health), words.counted(minimum, "request"))));
    }
    return entries;
  }
}
