package dev.trafficstatus.views.mustache;

import static dev.trafficstatus.views.mustache.PageFixtures.Html.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.page.PageRenderer;
import dev.trafficstatus.spi.page.RouteGroup;
import dev.trafficstatus.spi.page.RouteStatus;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.views.mustache.PageFixtures.Html;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/** Hostile names, docs, groups and titles reach the page as text and nothing else. */
class PageEscapingTest {

  private static final String SCRIPT_NAME = "</script><script>alert(1)</script>";

  private static final String IMG_NAME = "<img src=x onerror=alert(1)>";

  private static final String JS_DOC = "javascript:alert(1)";

  private static final String LINK_DOC = "<a href=\"javascript:alert(1)\">x</a>";

  private static final String QUOTED_GROUP = "Tom's \"orders\" & <co>";

  private static final String QUOTED_TITLE = "Ben & Jerry's \"Status\" ' onload='alert(1)";

  private static final String RULE = "/x/{id}\"><script>alert(1)</script>";

  private static final String ENTITY_NAME = "Tom &amp; Jerry &nbsp; &#60;b&#62;";

  private final PageRenderer renderer = PageFixtures.renderer();

  private final String source = PageFixtures.render(renderer, hostilePage());

  private final Html html = PageFixtures.parse(source);

  private static StatusPage hostilePage() {
    List<RouteStatus> routes = List.of(
        named(SCRIPT_NAME, "/script", JS_DOC),
        named(IMG_NAME, "/img", LINK_DOC),
        named(ENTITY_NAME, RULE, ""));
    return PageFixtures.page(QUOTED_TITLE, Health.OPERATIONAL, "All \"Systems\" & <Operational>",
        ZoneOffset.UTC, 7, List.of(new RouteGroup(QUOTED_GROUP, routes)));
  }

  private static RouteStatus named(String name, String rule, String doc) {
    RouteStatus healthy = PageFixtures.healthyRoute(rule, name, doc, 7);
    return new RouteStatus(new RouteKey("orders", rule), name, doc, healthy.current(),
        healthy.uptimePercent(), healthy.requests(), healthy.failures(), healthy.latency(),
        healthy.days());
  }

  @Test
  void routeNamesShowAsTheTextTheyAre() {
    assertThat(html.all("//article/header/h3")).extracting(Html::text)
        .containsExactly(SCRIPT_NAME, IMG_NAME, ENTITY_NAME.replaceAll("\\s+", " "));
    assertThat(html.all("//ol")).extracting(ol -> ol.getAttribute("aria-label"))
        .containsExactly(
            "Daily status of " + SCRIPT_NAME + " over the last 7 days, oldest first",
            "Daily status of " + IMG_NAME + " over the last 7 days, oldest first",
            "Daily status of " + ENTITY_NAME + " over the last 7 days, oldest first");
  }

  @Test
  void markupInDataNeverBecomesElements() {
    assertThat(html.all("//script")).hasSize(1);
    assertThat(html.one("//script").getAttribute("src")).startsWith("/status/assets/status.js?v=");
    assertThat(html.one("//script").getTextContent()).isEmpty();
    assertThat(html.all("//img")).isEmpty();
    assertThat(html.all("//b")).isEmpty();
    assertThat(html.all("//co")).isEmpty();
    assertThat(html.all("//Operational")).isEmpty();
    assertThat(source).doesNotContain("<script>").doesNotContain("<img").doesNotContain("<a href=\"javascript");
  }

  @Test
  void noDataBecomesAnAttributeOrAnEventHandler() {
    List<String> names = new ArrayList<>();
    for (Element element : html.all("//*")) {
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        names.add(((Attr) attributes.item(i)).getName());
      }
    }
    // Exactly the attributes the templates write: none named by data, no handlers, no styles.
    assertThat(names).isSubsetOf("lang", "xmlns", "charset", "name", "content", "http-equiv",
        "rel", "type", "href", "src", "defer", "class", "id", "datetime", "title", "aria-label",
        "aria-labelledby", "aria-hidden", "aria-current");
    assertThat(html.all("//*[@src]")).extracting(Element::getTagName).containsExactly("script");
  }

  @Test
  void docsAreTextNeverLinks() {
    assertThat(html.all("//p[@class='doc']")).extracting(Html::text).containsExactly(JS_DOC, LINK_DOC);
    assertThat(html.all("//p[@class='doc']//*")).isEmpty();
    for (Element link : html.all("//*[@href]")) {
      assertThat(link.getAttribute("href")).startsWith("/status").doesNotContainIgnoringCase("javascript:");
    }
    assertThat(html.all("//a")).extracting(a -> a.getAttribute("href"))
        .containsExactly("/status?days=30", "/status?days=90", "/status?days=365",
            "/status/history", "/status/history", "/status/history.atom", "/status/history.rss");
  }

  @Test
  void groupNamesTitlesHeadlinesAndRulesKeepQuotesAndAmpersandsAsText() {
    assertThat(text(html.one("//section[contains(@class, 'group')]/h2"))).isEqualTo(QUOTED_GROUP);
    assertThat(text(html.one("//head/title"))).isEqualTo(QUOTED_TITLE);
    assertThat(text(html.one("//h1"))).isEqualTo(QUOTED_TITLE);
    assertThat(text(html.one("//p[@id='headline']"))).isEqualTo("All \"Systems\" & <Operational>");
    assertThat(html.all("//p[@class='rule']/code")).extracting(Html::text).contains(RULE);
    assertThat(html.one("//html").getAttributes().getLength())
        .as("the title's quote did not open an attribute anywhere").isEqualTo(2);
    assertThat(source).contains("Tom&#39;s &quot;orders&quot; &amp; &lt;co&gt;");
  }

  @Test
  void entityLookalikesAreEscapedNotPassedThrough() {
    // Newer mustache.java escapers keep "&amp;" and "&nbsp;" as they are; ours must not.
    assertThat(source).contains("Tom &amp;amp; Jerry &amp;nbsp; &amp;#60;b&amp;#62;");
  }

  @Test
  void charactersXmlForbidsAreReplacedSoThePageStaysWellFormed() {
    String name = "bell\u0007 nul\u0000 lone\uD800 pair\uD83D\uDE00 c1\u0085 end";
    StatusPage page = PageFixtures.page("T", Health.OPERATIONAL, "ok", ZoneOffset.UTC, 3,
        List.of(new RouteGroup("g", List.of(named(name, "/c", "line one\nline two")))));
    Html parsed = PageFixtures.parse(PageFixtures.render(renderer, page));
    assertThat(text(parsed.one("//article/header/h3")))
        .isEqualTo("bell\uFFFD nul\uFFFD lone\uFFFD pair\uD83D\uDE00 c1\uFFFD end");
    assertThat(parsed.one("//p[@class='doc']").getTextContent()).isEqualTo("line one\nline two");
  }
}
