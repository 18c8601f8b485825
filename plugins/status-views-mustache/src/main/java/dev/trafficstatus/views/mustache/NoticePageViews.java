package dev.trafficstatus.views.mustache;

import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.page.HistoryPage;
import dev.trafficstatus.spi.page.ObjectiveOrder;
import dev.trafficstatus.spi.page.ObjectivesPage;
import dev.trafficstatus.spi.page.NoticePage;
import dev.trafficstatus.spi.page.PageLinks;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Words the pages beside the status page: one notice's page, a month of history and the objectives,
 * in the page's language. Pure and thread-safe.
 */
final class NoticePageViews {

  private final AssetBundle assets;

  /**
   * @param assets the bundled files, for their addresses
   */
  NoticePageViews(AssetBundle assets) {
    this.assets = Objects.requireNonNull(assets, "assets");
  }

  /**
   * What every page beside the status page shows around its content.
   *
   * @param documentTitle the browser's title
   * @param title the status page's title
   * @param feedTitle the feeds' title, for the links in the head
   * @param pageHref the status page
   * @param historyHref the history's current month
   * @param atomHref the Atom feed
   * @param rssHref the RSS feed
   * @param styleHref the style sheet
   * @param iconHref the favicon
   * @param refreshSeconds how often the page reloads itself
   * @param updatedIso when what it shows was read, ISO-8601 in UTC
   * @param updatedText the same moment for people
   * @param stale whether it is the last read of a store that cannot be read now
   * @param staleText why it is old; empty when it is not
   */
  record Frame(
      String documentTitle,
      String title,
      String feedTitle,
      String pageHref,
      String historyHref,
      String atomHref,
      String rssHref,
      String styleHref,
      String iconHref,
      long refreshSeconds,
      String updatedIso,
      String updatedText,
      boolean stale,
      String staleText) {

    Frame {
      Objects.requireNonNull(documentTitle, "documentTitle");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(feedTitle, "feedTitle");
      Objects.requireNonNull(pageHref, "pageHref");
      Objects.requireNonNull(historyHref, "historyHref");
      Objects.requireNonNull(atomHref, "atomHref");
      Objects.requireNonNull(rssHref, "rssHref");
      Objects.requireNonNull(styleHref, "styleHref");
      Objects.requireNonNull(iconHref, "iconHref");
      Objects.requireNonNull(updatedIso, "updatedIso");
      Objects.requireNonNull(updatedText, "updatedText");
      Objects.requireNonNull(staleText, "staleText");
    }
  }

  /**
   * One notice's page.
   *
   * @param frame what surrounds it
   * @param kindLabel "Incident" or "Maintenance", for the trail
   * @param notice the notice with its whole timeline
   */
  record NoticePageView(Frame frame, String kindLabel, NoticeView notice) {

    NoticePageView {
      Objects.requireNonNull(frame, "frame");
      Objects.requireNonNull(kindLabel, "kindLabel");
      Objects.requireNonNull(notice, "notice");
    }
  }

  /**
   * A month of history.
   *
   * @param frame what surrounds it
   * @param monthLabel the month, such as "June 2025"
   * @param older the month before, or null when the history keeps none
   * @param newer the month after, or null for the current month
   * @param notices the month's notices, their latest update each
   * @param incompleteText what is left out when the month had too many; empty when nothing is
   * @param noIncidentsText what a month without notices says, such as "No incidents reported in
   *     June 2025."
   */
  record HistoryPageView(
      Frame frame,
      String monthLabel,
      MonthLink older,
      MonthLink newer,
      List<NoticeView> notices,
      String incompleteText,
      String noIncidentsText) {

    HistoryPageView {
      Objects.requireNonNull(frame, "frame");
      Objects.requireNonNull(monthLabel, "monthLabel");
      notices = List.copyOf(notices);
      Objects.requireNonNull(incompleteText, "incompleteText");
      Objects.requireNonNull(noIncidentsText, "noIncidentsText");
    }

    /** Whether some of the month's notices are left out. */
    boolean incomplete() {
      return !incompleteText.isEmpty();
    }
  }

  /**
   * A link to another month.
   *
   * @param label the month, such as "May 2025"
   * @param href its page
   */
  record MonthLink(String label, String href) {

    MonthLink {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(href, "href");
    }
  }

  /**
   * Words a notice's page.
   *
   * @param page the model
   * @param links where the pages are served
   * @param words the texts of the page's language
   * @return the view
   */
  NoticePageView notice(NoticePage page, PageLinks links, Words words) {
    Notice notice = page.notice();
    NoticeViewBuilder views =
        new NoticeViewBuilder(links, page.routeNames(), page.zone(), page.generatedAt(), words);
    String kind = words.text(notice.kind() == NoticeKind.INCIDENT ? "kind_incident" : "kind_maintenance");
    Frame frame = frame(Figures.isolated(notice.name()) + " · " + page.title(), page.title(),
        links, page.generatedAt(), page.zone(), page.refresh(), page.stale(), words);
    return new NoticePageView(frame, kind, views.timeline(notice, false));
  }

  /**
   * Words a month of history.
   *
   * @param page the model
   * @param links where the pages are served
   * @param words the texts of the page's language
   * @return the view
   */
  HistoryPageView history(HistoryPage page, PageLinks links, Words words) {
    NoticeViewBuilder views =
        new NoticeViewBuilder(links, page.routeNames(), page.zone(), page.generatedAt(), words);
    YearMonth month = page.month();
    String monthLabel = words.month(month);
    Frame frame = frame(words.format("history_document", monthLabel, page.title()), page.title(),
        links, page.generatedAt(), page.zone(), page.refresh(), page.stale(), words);
    YearMonth before = month.minusMonths(1);
    YearMonth after = month.plusMonths(1);
    return new HistoryPageView(
        frame,
        monthLabel,
        before.isBefore(page.earliest()) ? null : monthLink(before, links, words),
        after.isAfter(page.latest()) ? null : monthLink(after, links, words),
        page.notices().stream().map(views::summary).toList(),
        page.complete()
            ? ""
            : words.format("history_incomplete", words.count(page.notices().size()), monthLabel),
        words.format("no_incidents_in", monthLabel));
  }

  /**
   * The objectives page.
   *
   * @param frame what surrounds it
   * @param objectives the objectives, in the page's order
   * @param byRemaining whether they are sorted by remaining budget
   * @param configuredHref the page in the configured order
   * @param remainingHref the page sorted by remaining budget
   */
  record ObjectivesPageView(Frame frame, List<ObjectiveEntry> objectives, boolean byRemaining,
      String configuredHref, String remainingHref) {

    ObjectivesPageView {
      Objects.requireNonNull(frame, "frame");
      objectives = List.copyOf(objectives);
      Objects.requireNonNull(configuredHref, "configuredHref");
      Objects.requireNonNull(remainingHref, "remainingHref");
    }
  }

  /**
   * One objective on the objectives page.
   *
   * @param objective the objective's words, bar and sparkline
   * @param routes the names of the public routes it covers, joined
   */
  record ObjectiveEntry(ObjectiveView objective, String routes) {}

  /**
   * Words the objectives page.
   *
   * @param page the objectives, sorted
   * @param links where the pages are
   * @param words the texts of the page's language
   * @return the view
   */
  ObjectivesPageView objectives(ObjectivesPage page, PageLinks links, Words words) {
    Frame frame = frame(words.text("objectives") + " · " + page.title(), page.title(), links,
        page.generatedAt(), page.zone(), page.refresh(), page.stale(), words);
    List<ObjectiveEntry> entries = page.objectives().stream().map(objective -> new ObjectiveEntry(
        ObjectiveView.of(objective, words),
        String.join(", ", objective.routes().stream().filter(page.routeNames()::containsKey)
            .map(page.routeNames()::get).toList()))).toList();
    return new ObjectivesPageView(frame, entries, page.order() == ObjectiveOrder.REMAINING,
        links.objectives(ObjectiveOrder.CONFIGURED), links.objectives(ObjectiveOrder.REMAINING));
  }

  private static MonthLink monthLink(YearMonth month, PageLinks links, Words words) {
    return new MonthLink(words.month(month), links.history(month));
  }

  private Frame frame(String documentTitle, String title, PageLinks links, Instant readAt,
      ZoneId zone, Duration refresh, boolean stale, Words words) {
    return new Frame(
        documentTitle,
        title,
        title + ": " + words.text("feed_title"),
        links.page(),
        links.history(),
        links.atomFeed(),
        links.rssFeed(),
        assets.href(links.assets(), AssetBundle.STYLE),
        assets.href(links.assets(), AssetBundle.ICON),
        Math.max(1, refresh.toSeconds()),
        readAt.truncatedTo(ChronoUnit.SECONDS).toString(),
        words.dateTime(readAt, zone),
        stale,
        stale ? words.format("notice_stale", Figures.time(readAt, zone)) : "");
  }
}
