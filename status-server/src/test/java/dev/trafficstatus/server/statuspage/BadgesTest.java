package dev.trafficstatus.server.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.server.testapp.StatusOnlyApp;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.testkit.MutableClock;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Badges of the page, a group and routes: the shields.io endpoint JSON (only that schema's keys),
 * the SVG (valid XML, accessible, as wide as its parts), uptime over a window, and refusals.
 * Hostile names come out as data in both.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BadgesTest {

  private static final MutableClock CLOCK = new MutableClock(StatuspageSeed.NOW);

  static final DropwizardAppExtension<StatusConfiguration> APP =
      StatusOnlyApp.extension("badges", CLOCK);

  static final String HOSTILE = "</script><img src=x onerror=alert(1)> \u202Eevil\u202C &amp; \"q\" 'a'";
  static final String HOSTILE_GROUP = "<svg onload=alert(3)>]]>";
  static final RouteKey HOSTILE_ROUTE = new RouteKey("shop", "/x/\"><script>");

  private static HttpCalls http;

  @BeforeAll
  static void seed() {
    StatuspageSeed.writeTo(StatusOnlyApp.store(APP));
    StatusOnlyApp.store(APP).declareRoutes(
        List.of(new RouteDescriptor(HOSTILE_ROUTE, HOSTILE, HOSTILE, HOSTILE_GROUP)));
    StatusOnlyApp.showWhatWasWritten(APP);
    http = new HttpCalls(APP.getLocalPort());
  }

  private static JsonNode badge(String name) {
    HttpCalls.Answer answer = http.get("/status/badge/" + name);
    assertThat(answer.status()).as(name + ": " + answer.body()).isEqualTo(200);
    assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("*");
    JsonNode json = answer.json();
    assertThat(StatuspageSchema.violations("shieldsEndpoint", json)).as(name).isEmpty();
    return json;
  }

  @Test
  void endpointBadgesSayTheStateOfTheRouteGroupOrPage() {
    JsonNode checkout = badge("shop-checkout.json");
    assertThat(checkout.get("label").asText()).isEqualTo("Checkout");
    assertThat(checkout.get("message").asText()).isEqualTo("major outage");
    assertThat(checkout.get("color").asText()).isEqualTo("red");
    assertThat(checkout.get("cacheSeconds").asInt()).isEqualTo(60);
    assertThat(badge(StatuspageIds.route(StatuspageSeed.CHECKOUT) + ".json")).isEqualTo(checkout);
    assertThat(badge("shop-search-q.json").get("message").asText()).isEqualTo("degraded performance");
    assertThat(badge("shop-export.json").get("message").asText()).isEqualTo("no data");
    assertThat(badge("shop.json").get("message").asText()).as("the root route /").isEqualTo("operational");
    assertThat(badge("group-storefront.json").get("message").asText()).isEqualTo("degraded performance");
    JsonNode page = badge("page.json");
    assertThat(page.get("label").asText()).isEqualTo("The Shop");
    assertThat(page.get("message").asText()).isEqualTo("major service outage");
  }

  @Test
  void uptimeBadgesSayTheWindowsUptimeFlooredAsThePageShowsIt() {
    assertThat(badge("shop-checkout.json?days=1").get("message").asText()).isEqualTo("50.00% (1 day)");
    assertThat(badge("shop-search-q.json?days=30").get("message").asText()).isEqualTo("99.00% (30 days)");
    assertThat(badge("shop-search-q.json?days=30").get("color").asText()).isEqualTo("yellow");
    assertThat(badge("shop-export.json?days=7").get("message").asText()).isEqualTo("no data (7 days)");
    assertThat(badge("group-storefront.json?days=1").get("message").asText()).isEqualTo("99.50% (1 day)");
  }

  @Test
  void svgBadgesAreValidAccessibleAndAsWideAsTheirTwoParts() throws Exception {
    for (String style : List.of("", "?style=flat-square")) {
      HttpCalls.Answer answer = http.get("/status/badge/shop-checkout.svg" + style);
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.header("Content-Type")).startsWith("image/svg+xml");
      Element svg = parse(answer.response().body()).getDocumentElement();
      assertThat(svg.getAttribute("role")).isEqualTo("img");
      assertThat(svg.getAttribute("aria-label")).isEqualTo("Checkout: major outage");
      assertThat(svg.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Checkout: major outage");
      NodeList rects = svg.getElementsByTagName("rect");
      int label = Integer.parseInt(((Element) rects.item(style.isEmpty() ? 1 : 0)).getAttribute("width"));
      int message = Integer.parseInt(((Element) rects.item(style.isEmpty() ? 2 : 1)).getAttribute("width"));
      assertThat(Integer.parseInt(svg.getAttribute("width"))).isEqualTo(label + message);
      assertThat(answer.body().contains("rx=\"3\"")).as(style).isEqualTo(style.isEmpty());
    }
    int shortMessage = width("shop.svg");
    int longMessage = width("shop-checkout.svg");
    assertThat(longMessage).as("'major outage' is wider than 'operational' with a longer label too")
        .isGreaterThan(shortMessage);
  }

  @Test
  void hostileNamesAreDataInTheJsonAndTheSvg() throws Exception {
    String name = "shop-x-script";
    JsonNode json = badge(name + ".json");
    assertThat(json.get("label").asText()).isEqualTo(HOSTILE.replace("\u202E", "").replace("\u202C", ""));
    HttpCalls.Answer raw = http.get("/status/badge/" + name + ".json");
    assertThat(raw.body()).doesNotContain("<", ">");
    assertThat(badge("group-svg-onload-alert-3.json").get("label").asText()).isEqualTo(HOSTILE_GROUP);

    HttpCalls.Answer svg = http.get("/status/badge/" + name + ".svg");
    Document document = parse(svg.response().body());
    assertThat(document.getElementsByTagName("script").getLength()).isZero();
    assertThat(document.getElementsByTagName("img").getLength()).isZero();
    assertThat(document.getDocumentElement().getAttribute("aria-label"))
        .startsWith("</script><img src=x onerror=alert(1)> evil &amp; \"q\" 'a'");
  }

  @Test
  void unknownBadgesAndBadQueriesAreRefusedInJson() {
    for (String path : List.of("nothing.json", "shop-checkout.png", "page", "page.json.svg.png",
        "PAGE.json", "shop-checkout.svg%20")) {
      HttpCalls.Answer answer = http.get("/status/badge/" + path);
      assertThat(answer.status()).as(path).isEqualTo(404);
      assertThat(answer.json().get("error").asText()).as(path).startsWith("No badge");
    }
    for (String query : List.of("?days=0", "?days=366", "?days=x", "?days=", "?style=plastic")) {
      HttpCalls.Answer answer = http.get("/status/badge/page.svg" + query);
      assertThat(answer.status()).as(query).isEqualTo(400);
      assertThat(answer.json().has("error")).isTrue();
    }
  }

  private static int width(String name) throws Exception {
    return Integer.parseInt(parse(http.get("/status/badge/" + name).response().body())
        .getDocumentElement().getAttribute("width"));
  }

  static Document parse(byte[] svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
  }
}
