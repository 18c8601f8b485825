package dev.trafficstatus.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import dev.trafficstatus.server.page.NoticeFeed.Format;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notice.NoticeUpdate;
import dev.trafficstatus.spi.notice.RouteState;
import dev.trafficstatus.spi.Health;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.junit.jupiter.api.Test;

/**
 * The feeds parsed back with ROME, as a feed reader reads them: ids, times, links, and names and
 * bodies that stay text.
 */
class NoticeFeedTest {

  private static final String PAGE = "https://status.example.com/status";
  private static final Instant NOW = Instant.parse("2025-06-30T15:00:00Z");
  private static final RouteKey CHECKOUT = new RouteKey("shop", "/checkout");
  private static final RouteKey SECRET = new RouteKey("shop", "/admin/secret");

  static final String HOSTILE_NAME = "</title><script>alert(1)</script> & <img src=x onerror=alert(2)>";
  static final String HOSTILE_BODY = "]]></content><script>alert(3)</script>\n"
      + "<a href=\"javascript:alert(4)\">x</a> see https://example.com/a?b=1&c=2.";

  private static NoticeUpdate update(String id, NoticeStatus status, String body, String at) {
    return new NoticeUpdate(id, status, body, Instant.parse(at), Instant.parse(at), false, List.of());
  }

  static Notice hostile() {
    return new Notice("hostile00001", NoticeKind.INCIDENT, HOSTILE_NAME, NoticeStatus.RESOLVED,
        Impact.MAJOR, false, true, Instant.parse("2025-06-30T10:00:00Z"),
        Instant.parse("2025-06-30T10:00:00Z"), Instant.parse("2025-06-30T12:00:00Z"), null,
        Instant.parse("2025-06-30T12:00:00Z"), null, null,
        List.of(new RouteState(CHECKOUT, Health.MAJOR_OUTAGE), new RouteState(SECRET, Health.MAJOR_OUTAGE)),
        List.of(update("hostileupd02", NoticeStatus.RESOLVED, "Fixed.", "2025-06-30T12:00:00Z"),
            update("hostileupd01", NoticeStatus.INVESTIGATING, HOSTILE_BODY, "2025-06-30T10:00:00Z")),
        2);
  }

  private static Notice maintenance() {
    return new Notice("maintenance1", NoticeKind.MAINTENANCE, "Database upgrade",
        NoticeStatus.SCHEDULED, Impact.MAINTENANCE, false, true,
        Instant.parse("2025-06-29T08:00:00Z"), Instant.parse("2025-07-02T01:00:00Z"),
        Instant.parse("2025-06-29T08:00:00Z"), null, null, Instant.parse("2025-07-02T01:00:00Z"),
        Instant.parse("2025-07-02T03:00:00Z"), List.of(),
        List.of(update("maintupdate1", NoticeStatus.SCHEDULED, "Planned.", "2025-06-29T08:00:00Z")), 1);
  }

  private static SyndFeed parsed(Format format, List<Notice> notices) throws Exception {
    byte[] xml = NoticeFeed.write(new NoticeFeed.Content("Shop <&> \"Status\"", PAGE, notices,
        Map.of(CHECKOUT, "Checkout"), ZoneId.of("UTC"), NOW, ServerWords.of(java.util.Locale.ENGLISH)), format);
    SyndFeedInput input = new SyndFeedInput();
    input.setXmlHealerOn(false);
    return input.build(new InputStreamReader(new ByteArrayInputStream(xml), StandardCharsets.UTF_8));
  }

  @Test
  void theAtomFeedHasStableIdsUpdatedTimesAndAbsoluteLinks() throws Exception {
    SyndFeed feed = parsed(Format.ATOM, List.of(hostile(), maintenance()));

    assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
    assertThat(feed.getTitle()).isEqualTo("Shop <&> \"Status\": incidents and maintenance");
    assertThat(feed.getUri()).startsWith("urn:uuid:");
    assertThat(feed.getLinks()).extracting(SyndLink::getRel, SyndLink::getHref).contains(
        org.assertj.core.groups.Tuple.tuple("self", PAGE + "/history.atom"),
        org.assertj.core.groups.Tuple.tuple("alternate", PAGE));
    assertThat(feed.getPublishedDate().toInstant()).as("the feed's <updated>")
        .isEqualTo(Instant.parse("2025-06-30T12:00:00Z"));
    List<SyndEntry> entries = feed.getEntries();
    assertThat(entries).hasSize(2);
    SyndEntry incident = entries.get(0);
    assertThat(incident.getUri()).startsWith("urn:uuid:")
        .isEqualTo(parsed(Format.ATOM, List.of(hostile())).getEntries().get(0).getUri())
        .isNotEqualTo(entries.get(1).getUri());
    assertThat(incident.getLink()).isEqualTo(PAGE + "/incidents/hostile00001");
    assertThat(incident.getUpdatedDate().toInstant()).isEqualTo(Instant.parse("2025-06-30T12:00:00Z"));
    assertThat(incident.getPublishedDate().toInstant()).isEqualTo(Instant.parse("2025-06-30T10:00:00Z"));
    assertThat(entries.get(1).getLink()).isEqualTo(PAGE + "/incidents/maintenance1");
  }

  @Test
  void hostileNamesAndBodiesComeBackAsTheTextTheyWere() throws Exception {
    for (Format format : Format.values()) {
      SyndEntry entry = parsed(format, List.of(hostile())).getEntries().get(0);
      assertThat(entry.getTitle()).as(format.name()).isEqualTo(HOSTILE_NAME);

      String html = format == Format.ATOM
          ? entry.getContents().get(0).getValue()
          : entry.getDescription().getValue();
      Document content = fragment(html);
      assertThat(elements(content, "script")).as(format.name()).isEmpty();
      assertThat(elements(content, "img")).isEmpty();
      assertThat(elements(content, "a")).extracting(a -> a.getAttribute("href"))
          .containsExactly("https://example.com/a?b=1&c=2");
      assertThat(elements(content, "a")).extracting(a -> a.getAttribute("rel"))
          .containsExactly("nofollow noopener");
      assertThat(content.getDocumentElement().getTextContent())
          .contains("]]></content><script>alert(3)</script>")
          .contains("<a href=\"javascript:alert(4)\">x</a>")
          .contains("affects Checkout, 1 other route")
          .doesNotContain("/admin/secret");
    }
  }

  @Test
  void theRssFeedCarriesTheSameEntriesWithGuidsAndLinks() throws Exception {
    SyndFeed feed = parsed(Format.RSS, List.of(hostile(), maintenance()));

    assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
    assertThat(feed.getLink()).isEqualTo(PAGE);
    assertThat(feed.getEntries()).extracting(SyndEntry::getLink)
        .containsExactly(PAGE + "/incidents/hostile00001", PAGE + "/incidents/maintenance1");
    assertThat(feed.getEntries()).extracting(SyndEntry::getUri)
        .containsExactlyElementsOf(parsed(Format.ATOM, List.of(hostile(), maintenance()))
            .getEntries().stream().map(SyndEntry::getUri).toList());
    assertThat(feed.getEntries().get(0).getPublishedDate().toInstant())
        .isEqualTo(Instant.parse("2025-06-30T10:00:00Z"));
  }

  @Test
  void aFeedListsTheMostRecentNoticesAndTheirNewestUpdatesOnly() throws Exception {
    List<Notice> many = new ArrayList<>();
    for (int i = 0; i < NoticeFeed.MAX_ENTRIES + 5; i++) {
      many.add(maintenanceNumbered(i));
    }
    SyndFeed feed = parsed(Format.ATOM, many);

    assertThat(feed.getEntries()).hasSize(NoticeFeed.MAX_ENTRIES);
    SyndContent content = feed.getEntries().get(0).getContents().get(0);
    assertThat(fragment(content.getValue()).getDocumentElement().getTextContent())
        .contains("2 earlier updates are on the incident's page");
  }

  private static Notice maintenanceNumbered(int n) {
    List<NoticeUpdate> updates = new ArrayList<>();
    for (int u = NoticeFeed.MAX_UPDATES + 1; u >= 0; u--) {
      updates.add(update(String.format("u%05d%06d", n, u), NoticeStatus.SCHEDULED, "Update " + u,
          "2025-06-29T08:00:00Z"));
    }
    return new Notice(String.format("m%011d", n), NoticeKind.MAINTENANCE, "Window " + n,
        NoticeStatus.SCHEDULED, Impact.MAINTENANCE, false, true,
        Instant.parse("2025-06-29T08:00:00Z"), Instant.parse("2025-07-02T01:00:00Z"),
        Instant.parse("2025-06-29T08:00:00Z"), null, null, Instant.parse("2025-07-02T01:00:00Z"),
        Instant.parse("2025-07-02T03:00:00Z"), List.of(), updates, 1);
  }

  /** The entry's HTML, which the feed writes as well-formed XHTML, as a document. */
  private static Document fragment(String html) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setExpandEntityReferences(false);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(
        ("<div>" + html + "</div>").getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> elements(Document document, String tag) {
    NodeList nodes = document.getElementsByTagName(tag);
    List<Element> found = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add((Element) nodes.item(i));
    }
    return found;
  }

  @Test
  void charactersXmlForbidsBecomeReplacementCharacters() {
    assertThat(NoticeFeed.xmlSafe("ok\u0000\u0008\uFFFE\uD800x\tline\n\uD83D\uDE00"))
        .isEqualTo("ok\uFFFD\uFFFD\uFFFD\uFFFDx\tline\n\uD83D\uDE00");
    assertThat(NoticeFeed.xmlSafe("plain")).isEqualTo("plain");
  }
}
