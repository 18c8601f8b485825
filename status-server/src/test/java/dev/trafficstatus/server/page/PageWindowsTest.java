package dev.trafficstatus.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.LatencyHistogram;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.Tally;
import dev.trafficstatus.testkit.MutableClock;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;

/**
 * Asking for ever new windows costs no store read and bounded CPU: every window is cut from one
 * read of the longest, the default window and the renderer's links are served at any rate, and
 * other windows are drawn at most {@code page.otherWindowRenders} times per refresh interval (3
 * here), then answered 429 with Retry-After and the windows always served, until the next interval.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PageWindowsTest {

  private static final MutableClock CLOCK = MutableClock.at("2026-11-26T10:30:30Z");

  static final DropwizardAppExtension<StatusConfiguration> APP =
      GatedStoreApp.extension("windows", CLOCK, Map.of("status.page.otherWindowRenders", "3"));

  private static final RouteKey CHECKOUT = new RouteKey("shop", "/checkout");

  private PageFetcher fetcher;

  @BeforeEach
  void freshFiguresAndAFreshInterval() {
    GatedStore store = GatedStoreApp.store(APP);
    store.declareRoutes(List.of(new RouteDescriptor(CHECKOUT, "Checkout", "", "Shop")));
    store.writeMinutes(List.of(new MinuteBucket(CHECKOUT,
        CLOCK.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1)), "web-1",
        new Tally(20, 20, 0, 0, Duration.ofMillis(5),
            LatencyHistogram.builder().record(Duration.ofMillis(5), 20).build()))));
    CLOCK.advance(Duration.ofMinutes(1));
    GatedStoreApp.runtime(APP).forgetCachedPages();
    fetcher = new PageFetcher(APP.getLocalPort());
  }

  @Test
  void everyWindowOfAnIntervalIsCutFromOneReadAndOtherWindowsAreBounded() throws Exception {
    GatedStore store = GatedStoreApp.store(APP);
    int reads = store.dayReads();
    List<Integer> answered = new ArrayList<>();
    List<HttpResponse<byte[]>> refused = new ArrayList<>();

    for (int days = 1; days <= 365; days++) {
      HttpResponse<byte[]> page = fetcher.get("/status?days=" + days);
      answered.add(page.statusCode());
      if (page.statusCode() == 429) {
        refused.add(page);
      }
    }

    assertThat(store.dayReads()).as("no window read the store").isEqualTo(reads);
    assertThat(answered.get(0)).isEqualTo(200);
    assertThat(answered.get(1)).isEqualTo(200);
    assertThat(answered.get(2)).isEqualTo(200);
    assertThat(answered.get(29)).as("a linked window").isEqualTo(200);
    assertThat(answered.get(89)).as("the default window").isEqualTo(200);
    assertThat(answered.get(364)).as("a linked window").isEqualTo(200);
    assertThat(answered).filteredOn(status -> status == 200).hasSize(6);
    assertThat(refused).hasSize(359).allSatisfy(page -> {
      int retry = Integer.parseInt(page.headers().firstValue("Retry-After").orElseThrow());
      assertThat(retry).isBetween(1, 60);
    });
    HtmlDocument html = HtmlDocument.parse(refused.get(0).body());
    assertThat(html.all("//a")).extracting(a -> a.getAttribute("href"))
        .containsExactly("/status?days=30", "/status?days=90", "/status?days=365");
    assertThat(HtmlDocument.text(html.one("//p")))
        .contains("The page shows the last 30, 90 and 365 days at any time")
        .contains("at most 3 times every 60 seconds");
    for (String window : List.of("1", "2", "3", "30", "90", "365")) {
      assertThat(fetcher.get("/status?days=" + window).statusCode()).as("kept: " + window).isEqualTo(200);
    }
  }

  @Test
  void theJsonOfAnotherWindowIsRefusedAsJsonAndTheBudgetIsRenewedEachInterval() throws Exception {
    for (int days = 100; days < 103; days++) {
      fetcher.get("/status?days=" + days, "Accept", "application/json");
    }

    HttpResponse<byte[]> refused = fetcher.get("/status?days=200", "Accept", "application/json");

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(new ObjectMapper().readTree(refused.body()).get("error").asText())
        .contains("?days=30, ?days=90, ?days=365");
    CLOCK.advance(Duration.ofMinutes(1));
    assertThat(fetcher.get("/status?days=200", "Accept", "application/json").statusCode()).isEqualTo(200);
  }

  @Test
  void windowLinksAndAssetsOfThePageAnswer() {
    HtmlDocument page = HtmlDocument.parse(fetcher.get("/status").body());
    List<String> links = new ArrayList<>();
    for (Element link : page.all("//nav//a")) {
      links.add(link.getAttribute("href"));
    }
    assertThat(links).containsExactly("/status?days=30", "/status?days=90", "/status?days=365");
    for (String link : links) {
      HttpResponse<byte[]> window = fetcher.get(link);
      assertThat(window.statusCode()).as(link).isEqualTo(200);
      assertThat(new String(window.body(), StandardCharsets.UTF_8)).contains("Checkout");
    }
  }
}
