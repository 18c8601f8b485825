package dev.trafficstatus.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.server.testapp.NinetyDaySeed;
import dev.trafficstatus.server.testapp.NoticeSeed;
import dev.trafficstatus.server.testapp.StatusOnlyApp;
import dev.trafficstatus.testkit.MutableClock;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The history offers the months whose closed notices {@code retention.incidents} keeps, not a
 * fixed 400 days: with 20 days kept on 30 June, June is the only month, with no link to May.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HistoryRetentionTest {

  private static final MutableClock CLOCK = new MutableClock(NinetyDaySeed.NOW);

  static final DropwizardAppExtension<StatusConfiguration> APP = StatusOnlyApp.extension(
      "history-retention", CLOCK,
      Map.of("status.incidents.auto.enabled", "false", "status.retention.incidents", "20d"));

  private static PageFetcher fetcher;

  @BeforeAll
  static void seed() {
    NinetyDaySeed.writeTo(StatusOnlyApp.store(APP));
    NoticeSeed.writeTo(StatusOnlyApp.store(APP), NoticeSeed.ALL);
    StatusOnlyApp.showWhatWasWritten(APP);
    fetcher = new PageFetcher(APP.getLocalPort());
  }

  @Test
  void theHistoryOffersOnlyTheMonthsRetentionKeeps() {
    HttpResponse<byte[]> june = fetcher.getWhenReady("/status/history");
    assertThat(june.statusCode()).isEqualTo(200);
    HtmlDocument page = HtmlDocument.parse(june.body());
    assertThat(page.all("//a[@rel='prev']")).isEmpty();

    HttpResponse<byte[]> may = fetcher.get("/status/history?month=2025-05");
    assertThat(may.statusCode()).isEqualTo(404);
    assertThat(new String(may.body(), StandardCharsets.UTF_8))
        .contains("The history keeps the months from 2025-06 to 2025-06");
  }
}
