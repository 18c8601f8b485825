package dev.trafficstatus.server.statuspage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.server.browser.BrowserTab;
import dev.trafficstatus.server.browser.HeadlessChromium;
import dev.trafficstatus.server.testapp.StatusOnlyApp;
import dev.trafficstatus.testkit.MutableClock;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;

/**
 * The public API and badges in Chromium, as another site uses them: a page served from another
 * origin (another port of this machine) reads {@code summary.json} with {@code fetch()}, which the
 * browser allows only because of CORS, and shows the SVG badge, which renders at the size it
 * declares; the badge's texts are as wide in Chromium's own layout as the server measured them.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class StatuspageBrowserTest {

  private static final MutableClock CLOCK = new MutableClock(StatuspageSeed.NOW);

  static final DropwizardAppExtension<StatusConfiguration> APP =
      StatusOnlyApp.extension("statuspage-browser", CLOCK);

  private static HeadlessChromium browser;
  private static HttpServer elsewhere;
  private BrowserTab tab;

  @BeforeAll
  static void seedAndStart() throws IOException {
    StatuspageSeed.writeTo(StatusOnlyApp.store(APP));
    StatusOnlyApp.showWhatWasWritten(APP);
    String app = "http://127.0.0.1:" + APP.getLocalPort();
    byte[] page = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Elsewhere</title></head>"
        + "<body><h1>Another site</h1><img id=\"badge\" alt=\"status\" src=\"" + app
        + "/status/badge/shop-checkout.svg\"></body></html>").getBytes(StandardCharsets.UTF_8);
    elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    elsewhere.createContext("/", exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "text/html;charset=utf-8");
      exchange.sendResponseHeaders(200, page.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(page);
      }
    });
    elsewhere.start();
    browser = HeadlessChromium.launch(Path.of("target", "browser", "statuspage-chromium.log"));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (elsewhere != null) {
      elsewhere.stop(0);
    }
  }

  @BeforeEach
  void openTab() {
    tab = browser.newTab(1000, 700);
  }

  @AfterEach
  void closeTab() {
    browser.closeTab(tab);
  }

  private static String elsewhere() {
    return "http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/";
  }

  @Test
  void aPageOfAnotherOriginReadsTheSummaryWithFetch() {
    tab.navigate(elsewhere());
    JsonNode description = tab.evaluate("fetch('http://127.0.0.1:" + APP.getLocalPort()
        + "/api/v2/summary.json').then(r => r.json()).then(s => s.status.description)");
    assertThat(description.asText()).isEqualTo("Major Service Outage");
    assertThat(tab.problems()).isEmpty();
  }

  @Test
  void theSvgBadgeRendersAtItsDeclaredSize() throws Exception {
    Element svg = BadgesTest.parse(new HttpCalls(APP.getLocalPort())
        .get("/status/badge/shop-checkout.svg").response().body()).getDocumentElement();
    tab.navigate(elsewhere());
    JsonNode image = tab.evaluate("""
        new Promise(done => {
          const img = document.getElementById('badge');
          const report = () => done({complete: img.complete, natural: [img.naturalWidth, img.naturalHeight],
              shown: [img.getBoundingClientRect().width, img.getBoundingClientRect().height]});
          img.complete ? report() : img.addEventListener('load', report);
        })
        """);
    assertThat(image.get("natural").get(0).asInt()).isEqualTo(Integer.parseInt(svg.getAttribute("width")));
    assertThat(image.get("natural").get(1).asInt()).isEqualTo(20);
    assertThat(image.get("shown").get(0).asDouble()).isEqualTo(Double.parseDouble(svg.getAttribute("width")));
    assertThat(tab.problems()).isEmpty();
  }

  @Test
  void theBadgesTextsAreAsWideInChromiumAsTheServerMeasuredThem() {
    tab.navigate("http://127.0.0.1:" + APP.getLocalPort() + "/status/badge/shop-checkout.svg");
    JsonNode texts = tab.evaluate("""
        [...document.querySelectorAll('text:not([fill-opacity])')].map(t => {
          const measured = Number(t.getAttribute('textLength'));
          t.removeAttribute('textLength');
          t.removeAttribute('lengthAdjust');
          return {text: t.textContent, measured, natural: t.getComputedTextLength()};
        })
        """);
    assertThat(texts).hasSize(2);
    for (JsonNode text : texts) {
      assertThat(text.get("natural").asDouble()).as(text.get("text").asText())
          .isCloseTo(text.get("measured").asDouble(), within(text.get("measured").asDouble() * 0.05));
    }
  }
}
