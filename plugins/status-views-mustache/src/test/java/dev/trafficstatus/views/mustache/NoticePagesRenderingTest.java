package dev.trafficstatus.views.mustache;

import static dev.trafficstatus.views.mustache.PageFixtures.Html.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.page.HistoryPage;
import dev.trafficstatus.spi.page.NoticePage;
import dev.trafficstatus.spi.page.PageLinks;
import dev.trafficstatus.spi.page.PageRenderer;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.views.mustache.PageFixtures.Html;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** A notice's own page and the history's months, server-rendered like the status page. */
class NoticePagesRenderingTest {

  private static final StatusPage PAGE = NoticeFixtures.seededWithAll();

  private final PageRenderer renderer = PageFixtures.renderer();

  static Html notice(PageRenderer renderer, Notice notice, boolean stale) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    renderer.renderNotice(new NoticePage(PAGE.title(), notice, PAGE.routeNames(),
        PAGE.generatedAt(), PAGE.zone(), Duration.ofMinutes(1), stale), PageFixtures.LINKS, out);
    return PageFixtures.parse(out.toString(StandardCharsets.UTF_8));
  }

  private Html history(YearMonth month, List<Notice> notices, boolean complete) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    renderer.renderHistory(new HistoryPage(PAGE.title(), month, notices, complete,
        YearMonth.of(2024, 2), YearMonth.of(2025, 3), PAGE.routeNames(), PAGE.generatedAt(),
        PAGE.zone(), Duration.ofMinutes(1), false), PageFixtures.LINKS, out);
    return PageFixtures.parse(out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void anIncidentsPageShowsItsWholeTimelineNewestFirst() throws IOException {
    Html page = notice(renderer, NoticeFixtures.CHECKOUT, false);

    assertThat(text(page.one("//h1"))).isEqualTo("Checkout failing");
    assertThat(text(page.one("//head/title"))).isEqualTo("\u2068Checkout failing\u2069 · Orders API");
    List<Element> updates = page.all("//ol[@class='timeline']/li");
    assertThat(updates).hasSize(2);
    assertThat(page.one(updates.get(0), ".//p[@class='update-body']").getTextContent())
        .isEqualTo("Identified – We found the cause.\nA fix is rolling out: "
            + NoticeFixtures.FIX_URL + ".");
    assertThat(page.all(updates.get(1), ".//p[@class='update-change']")).extracting(Html::text)
        .containsExactly("Payments: Operational → Partial outage", "1 other route changed");
    assertThat(text(page.one(updates.get(1), ".//p[@class='update-time']")))
        .isEqualTo("2025-03-10 13:01 CET · Posted automatically from the traffic");
    assertThat(page.all("//p[@class='stale']")).isEmpty();
  }

  @Test
  void anIncidentsPageNamesTheAffectedRoutesWithTheirStatesAndHowLongItLasted() throws IOException {
    Html open = notice(renderer, NoticeFixtures.CHECKOUT, false);
    assertThat(text(open.one("//p[@class='notice-affected']"))).isEqualTo("Affects Payments and 1 other route");
    assertThat(open.all("//ul[@class='affected-list']/li")).extracting(Html::text)
        .containsExactly("Payments Last reported: Partial outage");
    assertThat(open.one("//ul[@class='affected-list']/li/span").getAttribute("class"))
        .isEqualTo("pill state-partial");
    assertThat(text(open.one("//p[@class='notice-when']")))
        .isEqualTo("Began 2025-03-10 13:00 CET · ongoing for 2 h 3 min");

    Html resolved = notice(renderer, NoticeFixtures.SLOW_ORDERS, false);
    assertThat(text(resolved.one("//p[@class='notice-when']")))
        .isEqualTo("Began 2025-03-08 10:00 CET · resolved 11:10 CET · lasted 1 h 10 min");
    assertThat(text(resolved.one("//*[@class='notice-status']"))).isEqualTo("Resolved");
  }

  @Test
  void anIncidentsPageShowsBodiesWholeAndSaysWhenItIsStale() throws IOException {
    String body = "y".repeat(9_000) + " the end";
    Html page = notice(renderer, NoticeFixtures.incident("longbody0001", "Long", body), true);

    assertThat(page.one("//p[@class='update-body']").getTextContent()).endsWith(" – " + body);
    assertThat(page.all("//p[@class='more']")).isEmpty();
    assertThat(text(page.one("//p[@class='stale']")))
        .isEqualTo("As of 15:03 CET: the status database is unreachable");
  }

  @Test
  void aMaintenancesPageShowsItsWindow() throws IOException {
    Html page = notice(renderer, NoticeFixtures.UPGRADE, false);

    assertThat(text(page.one("//p[@class='notice-when']")))
        .isEqualTo("Scheduled for 2025-03-12 02:00 CET to 04:00 CET");
    assertThat(text(page.one("//*[@class='impact-label']"))).isEqualTo("Planned maintenance");
    assertThat(text(page.one("//nav[@class='trail']"))).endsWith("› Maintenance");
  }

  @Test
  void aNoticesPageLinksBackToThePageTheHistoryAndTheFeeds() throws IOException {
    Html page = notice(renderer, NoticeFixtures.CHECKOUT, false);

    assertThat(page.all("//nav[@class='trail']/a")).extracting(a -> a.getAttribute("href"))
        .containsExactly("/status", "/status/history");
    assertThat(page.all("//head/link[@rel='alternate']")).extracting(l -> l.getAttribute("href"))
        .containsExactly("/status/history.atom", "/status/history.rss");
    assertThat(page.all("//script")).as("nothing to enhance on this page").isEmpty();
  }

  @Test
  void aMonthOfHistoryListsItsNoticesAndLinksToTheMonthsAround() throws IOException {
    Html march = history(YearMonth.of(2025, 3),
        List.of(NoticeFixtures.CHECKOUT, NoticeFixtures.SLOW_ORDERS), true);

    assertThat(text(march.one("//h2[@class='month']"))).isEqualTo("March 2025");
    assertThat(march.all("//section[@class='history-list']/article//h3/a"))
        .extracting(a -> a.getAttribute("href"))
        .containsExactly("/status/incidents/checkout0001", "/status/incidents/sloworders01");
    assertThat(march.one("//a[@rel='prev']").getAttribute("href")).isEqualTo("/status/history?month=2025-02");
    assertThat(march.all("//a[@rel='next']")).as("no month after the current one").isEmpty();
    assertThat(march.all("//p[@class='incomplete']")).isEmpty();
  }

  @Test
  void aQuietMonthSaysSoAndTheOldestKeptMonthLinksNoFurtherBack() throws IOException {
    Html oldest = history(YearMonth.of(2024, 2), List.of(), true);

    assertThat(text(oldest.one("//p[@class='quiet']"))).isEqualTo("No incidents reported in February 2024.");
    assertThat(oldest.all("//a[@rel='prev']")).isEmpty();
    assertThat(oldest.one("//a[@rel='next']").getAttribute("href")).isEqualTo("/status/history?month=2024-03");
  }

  @Test
  void aMonthWithMoreNoticesThanListedSaysSo() throws IOException {
    Html cut = history(YearMonth.of(2025, 3), List.of(NoticeFixtures.CHECKOUT), false);

    assertThat(text(cut.one("//p[@class='incomplete']")))
        .isEqualTo("Only the newest 1 incidents and maintenances of March 2025 are listed.");
  }

  @Test
  void aRendererWithoutNoticePagesSaysSoAndTheSpiDefaultsRefuse() {
    PageRenderer minimal = new PageRenderer() {
      @Override
      public String mediaType() {
        return "text/plain";
      }

      @Override
      public void render(StatusPage page, PageLinks links, OutputStream out) {}
    };
    NoticePage page = new NoticePage(PAGE.title(), NoticeFixtures.CHECKOUT, PAGE.routeNames(),
        PAGE.generatedAt(), PAGE.zone(), Duration.ofMinutes(1), false);

    assertThatThrownBy(() -> minimal.renderNotice(page, PageFixtures.LINKS, OutputStream.nullOutputStream()))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
