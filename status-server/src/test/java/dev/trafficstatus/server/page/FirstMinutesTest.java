package dev.trafficstatus.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.server.testapp.ShopApp;
import dev.trafficstatus.server.wiring.StatusRuntime;
import dev.trafficstatus.server.testapp.ShopConfiguration;
import dev.trafficstatus.testkit.MutableClock;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A new server's first minutes (issue 24): until its first figures are written the page says when
 * they will be and reloads itself then; once they are, it shows them and says nothing more.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class FirstMinutesTest {

  /** 20 s into a minute: the flush writing it runs at 09:47 plus this process's phase (2 to 12 s). */
  private static final MutableClock CLOCK = MutableClock.at("2026-03-01T09:46:20Z");

  static final DropwizardAppExtension<ShopConfiguration> APP =
      new DropwizardAppExtension<>(
          new DropwizardTestSupport<>(
              ShopApp.class,
              ResourceHelpers.resourceFilePath("shop.yml"),
              ConfigOverride.config("status.store.database.url", "jdbc:h2:mem:first-minutes;DB_CLOSE_DELAY=-1")) {
            @Override
            public Application<ShopConfiguration> newApplication() {
              return new ShopApp(CLOCK);
            }
          });

  @Test
  void untilTheFirstFlushThePageSaysWhenItsFiguresComeAndThenShowsThem() throws Exception {
    PageFetcher fetcher = new PageFetcher(APP.getLocalPort());
    StatusRuntime runtime = ((ShopApp) APP.getApplication()).bundle().runtime();
    Instant flush = runtime.flusher().writtenBy(CLOCK.instant());
    assertThat(flush).isBetween(Instant.parse("2026-03-01T09:47:02Z"), Instant.parse("2026-03-01T09:47:12Z"));

    // The page's first read, as the first request after the store starts makes it.
    runtime.startedStore(Duration.ofSeconds(60));
    runtime.forgetCachedPages();
    HttpResponse<byte[]> first = fetcher.getWhenReady("/status");
    assertThat(first.statusCode()).as(new String(first.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
    HtmlDocument page = HtmlDocument.parse(first.body());
    // The page is read again at 09:47:20 (a minute's refresh), after the flush: figures show then.
    assertThat(page.one("//p[@id='first-figures']").getTextContent())
        .isEqualTo("First figures at 09:47 UTC, after the first flush. This page reloads itself then.");
    assertThat(page.one("//meta[@http-equiv='refresh']").getAttribute("content")).isEqualTo("60");
    assertThat(page.one("//p[@id='headline']").getTextContent()).contains("No Data Yet");

    // A request, and the minute it fell in written (the flush task writes the open minute too).
    assertThat(fetcher.get("/hello").statusCode()).isEqualTo(200);
    CLOCK.advance(Duration.ofMinutes(1));
    APP.client().target("http://localhost:" + APP.getAdminPort() + "/tasks/trafficstatus-flush")
        .request().post(Entity.text("")).close();
    runtime.forgetCachedPages();

    HtmlDocument after = HtmlDocument.parse(fetcher.getWhenReady("/status").body());
    assertThat(after.all("//p[@id='first-figures']")).isEmpty();
    assertThat(after.one("//article[.//h3 = '/hello' or .//h3 = 'hello' or .//code = '/hello']//p[@class='totals']")
        .getTextContent()).startsWith("1 request");
  }
}
