package dev.trafficstatus.server.page;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import dev.trafficstatus.spi.PlainText;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeKind;
import dev.trafficstatus.spi.notice.NoticeUpdate;
import dev.trafficstatus.spi.notice.RouteState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The incident history as a feed, Atom 1.0 or RSS 2.0, written by ROME from the same notices the
 * pages show: one entry per incident or maintenance, its content the timeline as HTML (escaped,
 * bare {@code https://} URLs linked), newest change first.
 *
 * <p>Ids are {@code urn:uuid:} names derived from the notice's id, so they stay the same whatever
 * host or path the feed is read under; links are absolute, made from the address the request came
 * to. Text is made XML-safe before ROME sees it: characters XML forbids become U+FFFD.
 */
final class NoticeFeed {

  /** The feed's formats. */
  enum Format {
    /** Atom 1.0, {@code history.atom}. */
    ATOM("atom_1.0", "application/atom+xml;charset=UTF-8"),
    /** RSS 2.0, {@code history.rss}. */
    RSS("rss_2.0", "application/rss+xml;charset=UTF-8");

    private final String romeType;
    private final String mediaType;

    Format(String romeType, String mediaType) {
      this.romeType = romeType;
      this.mediaType = mediaType;
    }

    /** The media type of the feed. */
    String mediaType() {
      return mediaType;
    }
  }

  /** How many notices a feed lists at most, the most recently changed. */
  static final int MAX_ENTRIES = 25;

  /** How many updates of a notice an entry shows at most, the newest. */
  static final int MAX_UPDATES = 10;

  /** How much of a body an entry shows, in characters; the notice's page has it whole. */
  static final int MAX_BODY = 2_000;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm zzz", Locale.ENGLISH);

  private NoticeFeed() {}

  /**
   * What a feed shows.
   *
   * @param title the status page's title
   * @param pageUrl the status page's absolute address, such as {@code https://example.com/status}
   * @param notices the notices, most recently changed first; at most {@link #MAX_ENTRIES} are listed
   * @param routeNames the names of the routes the page shows; others are counted, never named
   * @param zone the zone times are written in
   * @param generatedAt when what it shows was read: the feed's own time when it lists nothing
   * @param words the page's default language: a feed reader names none, so the feed is in it
   */
  record Content(
      String title,
      String pageUrl,
      List<Notice> notices,
      Map<RouteKey, String> routeNames,
      ZoneId zone,
      Instant generatedAt,
      ServerWords words) {

    Content {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(pageUrl, "pageUrl");
      notices = List.copyOf(notices);
      routeNames = Map.copyOf(routeNames);
      Objects.requireNonNull(zone, "zone");
      Objects.requireNonNull(generatedAt, "generatedAt");
      Objects.requireNonNull(words, "words");
    }
  }

  /**
   * Writes a feed.
   *
   * @param content what it shows
   * @param format Atom or RSS
   * @return the feed's bytes, UTF-8 XML
   */
  static byte[] write(Content content, Format format) {
    List<Notice> listed = content.notices().subList(0, Math.min(MAX_ENTRIES, content.notices().size()));
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType(format.romeType);
    feed.setEncoding("UTF-8");
    ServerWords words = content.words();
    feed.setTitle(xmlSafe(words.format("feed_title", content.title())));
    feed.setDescription(xmlSafe(words.format("feed_description", content.title())));
    feed.setUri(urn("feed", content.pageUrl()));
    feed.setLink(xmlSafe(content.pageUrl()));
    feed.setLinks(List.of(
        link("self", feedUrl(content.pageUrl(), format), format.mediaType),
        link("alternate", content.pageUrl(), "text/html")));
    feed.setAuthor(xmlSafe(content.title()));
    feed.setLanguage(words.lang());
    feed.setGenerator("Traffic Status");
    feed.setPublishedDate(Date.from(
        listed.isEmpty() ? content.generatedAt() : listed.get(0).updatedAt()));
    List<SyndEntry> entries = new ArrayList<>(listed.size());
    for (Notice notice : listed) {
      entries.add(entry(notice, content, format));
    }
    feed.setEntries(entries);
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      new SyndFeedOutput().output(feed, writer, false);
    } catch (IOException | FeedException bug) {
      throw new IllegalStateException("the feed could not be written to memory", bug);
    }
    return out.toByteArray();
  }

  /** Where a feed of this page is served. */
  static String feedUrl(String pageUrl, Format format) {
    return pageUrl + (format == Format.ATOM ? "/history.atom" : "/history.rss");
  }

  private static SyndEntry entry(Notice notice, Content content, Format format) {
    SyndEntry entry = new SyndEntryImpl();
    entry.setTitle(xmlSafe(notice.name()));
    String url = content.pageUrl() + "/incidents/" + notice.id();
    entry.setLink(url);
    entry.setUri(urn("notice", notice.id()));
    entry.setPublishedDate(Date.from(notice.createdAt()));
    entry.setUpdatedDate(Date.from(notice.updatedAt()));
    entry.setAuthor(xmlSafe(content.title()));
    SyndContent html = new SyndContentImpl();
    html.setType("text/html");
    html.setValue(xmlSafe(html(notice, content, url)));
    // Atom carries it as the entry's content, RSS as the item's description.
    if (format == Format.ATOM) {
      entry.setContents(List.of(html));
    } else {
      entry.setDescription(html);
    }
    return entry;
  }

  /** The timeline as HTML, every text escaped. */
  private static String html(Notice notice, Content content, String url) {
    ServerWords words = content.words();
    StringBuilder html = new StringBuilder(1024);
    html.append("<p><strong>").append(escape(kind(notice, words))).append("</strong> · ")
        .append(escape(affected(notice, content.routeNames(), words))).append("</p>");
    List<NoticeUpdate> updates = notice.updates();
    for (NoticeUpdate update : updates.subList(0, Math.min(MAX_UPDATES, updates.size()))) {
      html.append("<p><strong>")
          .append(escape(words.format("feed_status_" + update.status().wireName())))
          .append("</strong> <small>")
          .append(escape(TIME.format(update.displayAt().atZone(content.zone()))))
          .append("</small><br/>");
      appendBody(html, update.body());
      html.append("</p>");
    }
    if (updates.size() > MAX_UPDATES) {
      int earlier = updates.size() - MAX_UPDATES;
      // The link is markup of its own, so the sentence is escaped around it.
      String link = "<a href=\"" + escape(url) + "\">" + escape(words.format("feed_notice_page")) + "</a>";
      html.append("<p>").append(escape(words.counted(earlier, "feed_earlier").replace("{1}", "\u0000"))
          .replace("\u0000", link)).append("</p>");
    }
    return html.toString();
  }

  private static void appendBody(StringBuilder html, String body) {
    String shown = body.strip();
    if (shown.codePointCount(0, shown.length()) > MAX_BODY) {
      shown = shown.substring(0, shown.offsetByCodePoints(0, MAX_BODY)) + "…";
    }
    for (PlainText.Run run : PlainText.withLinks(shown)) {
      String text = escape(run.text()).replace("\r\n", "\n").replace("\n", "<br/>");
      if (run.link()) {
        html.append("<a href=\"").append(text).append("\" rel=\"nofollow noopener\">")
            .append(text).append("</a>");
      } else {
        html.append(text);
      }
    }
  }

  private static String kind(Notice notice, ServerWords words) {
    if (notice.kind() == NoticeKind.MAINTENANCE) {
      return words.format("feed_maintenance");
    }
    return words.format("feed_impact_" + notice.impact().wireName());
  }

  private static String affected(Notice notice, Map<RouteKey, String> names, ServerWords words) {
    if (notice.affected().isEmpty()) {
      return words.format("feed_affects_everything");
    }
    List<String> named = new ArrayList<>();
    int others = 0;
    for (RouteState state : notice.affected()) {
      String name = names.get(state.route());
      if (name == null) {
        others++;
      } else {
        named.add(name);
      }
    }
    if (others > 0) {
      named.add(words.counted(others, "feed_other_route"));
    }
    return words.format("feed_affects", String.join(", ", named));
  }

  private static SyndLink link(String rel, String href, String type) {
    SyndLink link = new SyndLinkImpl();
    link.setRel(rel);
    link.setHref(xmlSafe(href));
    link.setType(type);
    return link;
  }

  /** A stable id that no host or path changes: a name-based UUID. */
  private static String urn(String kind, String name) {
    return "urn:uuid:" + UUID.nameUUIDFromBytes(
        ("trafficstatus:" + kind + ":" + name).getBytes(StandardCharsets.UTF_8));
  }

  private static String escape(String text) {
    return PageResponses.escape(text);
  }

  /** Replaces the characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/F) with U+FFFD. */
  static String xmlSafe(String text) {
    StringBuilder safe = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(c)) {
        ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        if (ok) {
          if (safe != null) {
            safe.append(c).append(text.charAt(i + 1));
          }
          i++;
          continue;
        }
      } else {
        ok = !Character.isLowSurrogate(c) && (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
            && c != '\uFFFE' && c != '\uFFFF';
      }
      if (!ok && safe == null) {
        safe = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (safe != null) {
        safe.append(ok ? c : '\uFFFD');
      }
    }
    return safe == null ? text : safe.toString();
  }
}
