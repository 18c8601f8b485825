package dev.trafficstatus.views.mustache;

import static dev.trafficstatus.views.mustache.PageFixtures.Html.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.page.PageRenderer;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.views.mustache.PageFixtures.Html;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Incidents and maintenances on the status page, in Statuspage's layout (issues 16 and 17). */
class NoticeRenderingTest {

  private final PageRenderer renderer = PageFixtures.renderer();

  private final Html html =
      PageFixtures.parse(PageFixtures.render(renderer, NoticeFixtures.seededWithAll()));

  private Element section(String heading) {
    return html.one("//section[h2 = '" + heading + "']");
  }

  private String tip(String route, String day) {
    Element card = html.one("//article[header/h3 = '" + route + "']");
    return html.all(card, ".//li").stream()
        .map(li -> li.getAttribute("title"))
        .filter(title -> title.startsWith(day))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void openIncidentsStandUnderTheHeadlineWithImpactLatestUpdateTimeAndLink() {
    Element active = section("Active incidents");
    List<Element> notices = html.all(active, "article");
    assertThat(notices).hasSize(1);
    Element checkout = notices.get(0);

    assertThat(html.all("//main/*").indexOf(active)).as("right after the masthead").isEqualTo(1);
    assertThat(checkout.getAttribute("class")).contains("impact-major");
    assertThat(text(html.one(checkout, ".//*[@class='impact-label']"))).isEqualTo("Major incident");
    Element link = html.one(checkout, ".//h3/a");
    assertThat(link.getAttribute("href")).isEqualTo("/status/incidents/checkout0001");
    assertThat(text(link)).isEqualTo("Checkout failing");
    assertThat(html.one(checkout, ".//p[@class='update-body']").getTextContent())
        .isEqualTo("We found the cause.\nA fix is rolling out: " + NoticeFixtures.FIX_URL + ".");
    Element time = html.one(checkout, ".//p[@class='update-time']/time");
    assertThat(time.getAttribute("datetime")).isEqualTo("2025-03-10T13:30:00Z");
    assertThat(text(time)).isEqualTo("2025-03-10 14:30 CET");
    assertThat(text(html.one(checkout, ".//p[@class='notice-when']")))
        .isEqualTo("Began 2025-03-10 13:00 CET · ongoing for 2 h 3 min");
  }

  @Test
  void routesThePageDoesNotShowAreCountedNeverNamed() {
    assertThat(text(html.one("//section[h2 = 'Active incidents']//p[@class='notice-affected']")))
        .isEqualTo("Affects Payments and 1 other route");
    assertThat(html.document().getDocumentElement().getTextContent())
        .doesNotContain(NoticeFixtures.HIDDEN.rule());
    assertThat(html.all("//*[@title]")).extracting(e -> e.getAttribute("title"))
        .noneMatch(title -> title.contains(NoticeFixtures.HIDDEN.rule()));
  }

  @Test
  void eachSquaresTooltipNamesTheIncidentsAndMaintenancesOfItsDay() {
    assertThat(tip("Orders", "2025-03-08")).endsWith(" · Incident: \u2068Slow orders\u2069");
    assertThat(tip("Orders", "2025-03-07")).doesNotContain("Incident");
    assertThat(tip("Payments", "2025-03-08")).as("not a route it affected").doesNotContain("Incident");
    assertThat(tip("Payments", "2025-03-10"))
        .contains(" · Incident: \u2068Checkout failing\u2069")
        .contains(" · Maintenance: \u2068Payment provider switch\u2069");
    assertThat(tip("Example probe", "2025-03-10")).doesNotContain("Incident").doesNotContain("Maintenance");
  }

  @Test
  void aNoticeOfTheWholeServiceNamesItselfOnEveryRoutesSquares() {
    StatusPage page = NoticeFixtures.seededWith(List.of(NoticeFixtures.incident(
        "everywhere01", "Everything is down", "We are on it.")));
    Html everywhere = PageFixtures.parse(PageFixtures.render(renderer, page));

    assertThat(everywhere.all("//li[contains(@title, '2025-03-10 (today')]"))
        .hasSize(3)
        .allSatisfy(li -> assertThat(li.getAttribute("title"))
            .endsWith(" · Incident: \u2068Everything is down\u2069"));
  }

  @Test
  void pastIncidentsListFourteenDaysInThePagesZoneWithQuietDaysSaidSo() {
    Element past = section("Past incidents");
    List<Element> days = html.all(past, "section");

    assertThat(days).hasSize(StatusPage.PAST_NOTICE_DAYS);
    assertThat(days).extracting(day -> text(html.one(day, "h3")))
        .startsWith("Monday, 10 March 2025", "Sunday, 9 March 2025", "Saturday, 8 March 2025")
        .endsWith("Tuesday, 25 February 2025");
    assertThat(html.all(days.get(0), "article//h4/a")).extracting(Html::text)
        .containsExactly("Payment provider switch", "Checkout failing");
    assertThat(text(html.one(days.get(1), "p"))).isEqualTo("No incidents reported.");
    Element slow = html.one(days.get(2), "article");
    assertThat(html.all(slow, ".//p[@class='update-body']")).extracting(Html::text)
        .containsExactly("Resolved – Orders are fast again.", "Investigating – Orders load slowly.");
    assertThat(html.all(past, ".//p[@class='quiet']")).hasSize(StatusPage.PAST_NOTICE_DAYS - 2);
    assertThat(html.one(past, ".//p[@class='history-link']/a").getAttribute("href"))
        .isEqualTo("/status/history");
  }

  @Test
  void maintenanceInProgressShowsAsABannerWithItsLatestUpdate() {
    Element now = section("Maintenance in progress");

    assertThat(html.all(now, "article")).hasSize(1);
    assertThat(text(html.one(now, ".//h3"))).isEqualTo("Payment provider switch");
    assertThat(text(html.one(now, ".//p[@class='update-body']"))).isEqualTo("The switch has begun.");
    assertThat(text(html.one(now, ".//p[@class='notice-when']")))
        .isEqualTo("In progress since 2025-03-10 14:00 CET · planned until 16:00 CET");
    assertThat(text(html.one(now, ".//*[@class='impact-label']"))).isEqualTo("Planned maintenance");
  }

  @Test
  void upcomingMaintenanceCoversTheNextSevenDaysOnly() {
    Element upcoming = section("Upcoming maintenance");

    assertThat(html.all(upcoming, "article//h3")).extracting(Html::text)
        .containsExactly("Database upgrade");
    assertThat(text(html.one(upcoming, ".//p[@class='notice-when']")))
        .isEqualTo("Scheduled for 2025-03-12 02:00 CET to 04:00 CET");
    assertThat(text(html.one(upcoming, ".//p[@class='notice-affected']")))
        .isEqualTo("Affects the whole service");
  }

  @Test
  void aPageWithoutNoticesHasNoNoticeBlocksButItsQuietPastDays() {
    Html quiet = PageFixtures.parse(PageFixtures.render(renderer, PageFixtures.seeded()));

    assertThat(quiet.all("//section[contains(@class, 'notices')]")).isEmpty();
    assertThat(quiet.all("//section[@class='past']//p[@class='quiet']"))
        .hasSize(StatusPage.PAST_NOTICE_DAYS)
        .allSatisfy(p -> assertThat(text(p)).isEqualTo("No incidents reported."));
  }

  @Test
  void bodiesKeepTheirLineBreaksAndLinkOnlyBareHttpsUrls() {
    StatusPage page = NoticeFixtures.seededWith(List.of(NoticeFixtures.incident("linked000001",
        "Links", "Status: https://example.com/a\njavascript:alert(1) http://example.com/b "
            + "data:text/html,x <a href=\"https://evil.example\">x</a>")));
    Html linked = PageFixtures.parse(PageFixtures.render(renderer, page));

    Element body = linked.one("//section[h2 = 'Active incidents']//p[@class='update-body']");
    List<Element> links = linked.all(body, ".//a");
    assertThat(links).hasSize(2);
    assertThat(links).extracting(a -> a.getAttribute("href"))
        .containsExactly("https://example.com/a", "https://evil.example");
    assertThat(links).allSatisfy(a -> assertThat(a.getAttribute("rel")).isEqualTo("nofollow noopener"));
    // The second "link" is text a person typed: its markup shows, only its URL is linked.
    assertThat(body.getTextContent()).isEqualTo("Status: https://example.com/a\njavascript:alert(1)"
        + " http://example.com/b data:text/html,x <a href=\"https://evil.example\">x</a>");
    assertThat(linked.all("//a")).extracting(a -> a.getAttribute("href"))
        .noneMatch(href -> href.startsWith("javascript:") || href.startsWith("http:")
            || href.startsWith("data:"));
  }

  @Test
  void longBodiesAreCutShortOnThePageWithALinkToTheWholeUpdate() {
    String body = "x".repeat(9_000) + " the end";
    StatusPage page = NoticeFixtures.seededWith(List.of(NoticeFixtures.incident("longbody0001",
        "Long", body)));
    Html cut = PageFixtures.parse(PageFixtures.render(renderer, page));

    Element active = cut.one("//section[h2 = 'Active incidents']");
    String shown = cut.one(active, ".//p[@class='update-body']").getTextContent();
    assertThat(shown).hasSize(NoticeViewBuilder.SUMMARY_BODY_LENGTH + 1).endsWith("x…");
    assertThat(cut.one(active, ".//p[@class='more']/a").getAttribute("href"))
        .isEqualTo("/status/incidents/longbody0001");
  }
}
