package dev.trafficstatus.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.server.testapp.NinetyDaySeed;
import dev.trafficstatus.server.testapp.NoticeSeed;
import dev.trafficstatus.server.testapp.StatusOnlyApp;
import dev.trafficstatus.testkit.MutableClock;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;

/**
 * The incident pages, the history and the feeds served by the real server from notices written
 * through the real H2 store (issues 16 and 17): what a browser without JavaScript and a feed
 * reader get, and what they get while something is still being read.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class NoticePagesTest {

  private static final MutableClock CLOCK = new MutableClock(NinetyDaySeed.NOW);

  static final DropwizardAppExtension<StatusConfiguration> APP = StatusOnlyApp.extension(
      "notice-pages", CLOCK, Map.of("status.incidents.auto.enabled", "false"));

  private static PageFetcher fetcher;

  @BeforeAll
  static void seed() {
    NinetyDaySeed.writeTo(StatusOnlyApp.store(APP));
    NoticeSeed.writeTo(StatusOnlyApp.store(APP), NoticeSeed.ALL);
    StatusOnlyApp.showWhatWasWritten(APP);
    fetcher = new PageFetcher(APP.getLocalPort());
  }

  private static HtmlDocument ok(String path) {
    HttpResponse<byte[]> response = fetcher.getWhenReady(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .isEqualToIgnoringCase("text/html;charset=UTF-8");
    return HtmlDocument.parse(response.body());
  }

  private static String text(Element element) {
    return element.getTextContent().replaceAll("\\s+", " ").strip();
  }

  @Test
  void theOpenIncidentStandsUnderTheHeadlineAndItsLinkLeadsToItsWholeTimeline() {
    HtmlDocument page = ok("/status");
    assertThat(text(page.one("//p[@id='headline']"))).isEqualTo("Partial Outage");
    Element link = page.one("//section[h2 = 'Active incidents']//h3/a");
    assertThat(link.getAttribute("href")).isEqualTo("/status/incidents/checkoutopen");

    HttpResponse<byte[]> response = fetcher.get(link.getAttribute("href"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValue(PageResponses.CONTENT_SECURITY_POLICY);
    HtmlDocument incident = HtmlDocument.parse(response.body());
    assertThat(text(incident.one("//h1"))).isEqualTo(NoticeSeed.OPEN.name());
    assertThat(incident.all("//ol[@class='timeline']/li")).hasSize(2);
    assertThat(text(incident.one("//p[@class='notice-affected']"))).isEqualTo("Affects Checkout");
    assertThat(text(incident.one("//p[@class='notice-when']")))
        .isEqualTo("Began 2025-06-30 14:50 UTC · ongoing for 52 min");
    assertThat(incident.all("//script")).isEmpty();
  }

  @Test
  void anIncidentOlderThanThePagesDaysIsLookedUpInTheBackgroundWhileThePageWaits() {
    HttpResponse<byte[]> first = fetcher.get("/status/incidents/productsmay1");
    assertThat(first.statusCode()).isEqualTo(503);
    assertThat(first.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(HtmlDocument.parse(first.body()).one("//meta[@http-equiv='refresh']").getAttribute("content"))
        .isEqualTo("1");

    HtmlDocument found = ok("/status/incidents/productsmay1");
    assertThat(text(found.one("//h1"))).isEqualTo("Product pages slow");
    assertThat(text(found.one("//p[@class='notice-when']")))
        .isEqualTo("Began 2025-05-17 07:45 UTC · resolved 12:00 UTC · lasted 4 h 15 min");
  }

  @Test
  void idsThatNameNoNoticeAreNotFound() {
    assertThat(fetcher.get("/status/incidents/NOT-AN-ID").statusCode()).isEqualTo(404);
    assertThat(fetcher.get("/status/incidents/%3Cscript%3E").statusCode()).isEqualTo(404);
    HttpResponse<byte[]> unknown = fetcher.getWhenReady("/status/incidents/zzzzzzzzzzzz");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(new String(unknown.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"error\":\"No incident or maintenance 'zzzzzzzzzzzz'\"}");
  }

  @Test
  void theHistoryListsAMonthsNoticesAndPagesBackToTheMonthBefore() {
    HtmlDocument june = ok("/status/history");
    assertThat(text(june.one("//h2[@class='month']"))).isEqualTo("June 2025");
    assertThat(june.all("//section[@class='history-list']/article//h3/a"))
        .extracting(a -> a.getAttribute("href"))
        .containsExactly("/status/incidents/checkoutopen", "/status/incidents/cartmoved001",
            "/status/incidents/checkoutdown");
    assertThat(june.all("//a[@rel='next']")).isEmpty();
    String older = june.one("//a[@rel='prev']").getAttribute("href");
    assertThat(older).isEqualTo("/status/history?month=2025-05");

    HtmlDocument may = ok(older);
    assertThat(may.all("//section[@class='history-list']/article//h3")).extracting(NoticePagesTest::text)
        .containsExactly("Product pages slow");
    assertThat(may.one("//a[@rel='next']").getAttribute("href")).isEqualTo("/status/history?month=2025-06");
  }

  @Test
  void monthsThatAreNoMonthOrOutsideTheHistoryAreRefused() {
    assertThat(fetcher.get("/status/history?month=2025-13").statusCode()).isEqualTo(400);
    assertThat(fetcher.get("/status/history?month=%3Cscript%3E").statusCode()).isEqualTo(400);
    HttpResponse<byte[]> future = fetcher.get("/status/history?month=2025-07");
    assertThat(future.statusCode()).isEqualTo(404);
    assertThat(new String(future.body(), StandardCharsets.UTF_8))
        .contains("The history keeps the months from 2024-05 to 2025-06");
    assertThat(fetcher.get("/status/history?month=2024-04").statusCode()).isEqualTo(404);
    assertThat(fetcher.getWhenReady("/status/history?month=2024-05").statusCode()).isEqualTo(200);
  }

  @Test
  void theAtomFeedListsTheNoticesWithAbsoluteLinksAndAnswersConditionalRequests() throws Exception {
    HttpResponse<byte[]> atom = fetcher.getWhenReady("/status/history.atom");
    assertThat(atom.statusCode()).isEqualTo(200);
    assertThat(atom.headers().firstValue("Content-Type")).hasValue("application/atom+xml;charset=UTF-8");
    SyndFeed feed = parse(atom.body());
    String origin = "http://127.0.0.1:" + APP.getLocalPort();
    assertThat(feed.getEntries()).extracting(SyndEntry::getLink).containsExactly(
        origin + "/status/incidents/checkoutopen", origin + "/status/incidents/dbupgrade001",
        origin + "/status/incidents/cartmoved001", origin + "/status/incidents/checkoutdown",
        origin + "/status/incidents/productsmay1");
    assertThat(feed.getEntries().get(0).getUpdatedDate().toInstant())
        .isEqualTo(Instant.parse("2025-06-30T15:20:00Z"));

    String etag = atom.headers().firstValue("ETag").orElseThrow();
    assertThat(fetcher.get("/status/history.atom", "If-None-Match", etag).statusCode()).isEqualTo(304);
    HttpResponse<byte[]> again = fetcher.get("/status/history.atom");
    assertThat(again.body()).as("kept, not rendered anew").isEqualTo(atom.body());
  }

  @Test
  void theRssFeedCarriesTheSameNotices() throws Exception {
    HttpResponse<byte[]> rss = fetcher.getWhenReady("/status/history.rss");
    assertThat(rss.statusCode()).isEqualTo(200);
    assertThat(rss.headers().firstValue("Content-Type")).hasValue("application/rss+xml;charset=UTF-8");
    SyndFeed feed = parse(rss.body());

    assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
    assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).containsExactly(
        NoticeSeed.OPEN.name(), "Database upgrade", "Cart service move", "Checkout down",
        "Product pages slow");
  }

  private static SyndFeed parse(byte[] body) throws Exception {
    return new SyndFeedInput().build(
        new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
  }

  @Test
  void theIncidentPagesLinkOnlyToPagesThatAnswer() {
    HtmlDocument incident = ok("/status/incidents/checkoutdown");
    List<String> links = new java.util.ArrayList<>();
    incident.all("//a").forEach(a -> links.add(a.getAttribute("href")));
    incident.all("//link").forEach(link -> links.add(link.getAttribute("href")));

    assertThat(links).isNotEmpty().allSatisfy(link -> {
      assertThat(link).startsWith("/status");
      assertThat(fetcher.getWhenReady(link).statusCode()).as(link).isEqualTo(200);
    });
  }
}
