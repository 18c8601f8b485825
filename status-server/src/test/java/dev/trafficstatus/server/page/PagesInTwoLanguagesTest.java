package dev.trafficstatus.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.server.testapp.NinetyDaySeed;
import dev.trafficstatus.server.testapp.NoticeSeed;
import dev.trafficstatus.server.testapp.StatusOnlyApp;
import dev.trafficstatus.testkit.MutableClock;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;

/**
 * The pages beside the status page in the browser's language (issue 21): with {@code page.locales:
 * [en, es]} an incident's page, the history and the objectives page answer in Spanish to a browser
 * that prefers it, with {@code Vary: Accept-Language}, {@code lang="es"} and a render and tag of
 * their own; in English as before to everyone else. With {@code page.locale: es} alone, every
 * browser and the JSON get Spanish.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PagesInTwoLanguagesTest {

  private static final MutableClock CLOCK = new MutableClock(NinetyDaySeed.NOW);

  private static final String SPANISH = "es-ES,es;q=0.9,en;q=0.5";

  static final DropwizardAppExtension<StatusConfiguration> BOTH = StatusOnlyApp.extension(
      "status-languages.yml", "two-languages", CLOCK, Map.of());

  static final DropwizardAppExtension<StatusConfiguration> SPANISH_ONLY = StatusOnlyApp.extension(
      "spanish-only", CLOCK, Map.of("status.page.locale", "es", "status.incidents.auto.enabled", "false"));

  private static PageFetcher both;

  private static PageFetcher spanishOnly;

  @BeforeAll
  static void seed() {
    for (DropwizardAppExtension<StatusConfiguration> app : java.util.List.of(BOTH, SPANISH_ONLY)) {
      NinetyDaySeed.writeTo(StatusOnlyApp.store(app));
      NoticeSeed.writeTo(StatusOnlyApp.store(app), NoticeSeed.ALL);
      StatusOnlyApp.showWhatWasWritten(app);
    }
    both = new PageFetcher(BOTH.getLocalPort());
    spanishOnly = new PageFetcher(SPANISH_ONLY.getLocalPort());
  }

  private static String text(Element element) {
    return element.getTextContent().replaceAll("\\s+", " ").strip();
  }

  private static HtmlDocument ok(HttpResponse<byte[]> response, String lang) {
    assertThat(response.statusCode()).isEqualTo(200);
    HtmlDocument page = HtmlDocument.parse(response.body());
    assertThat(page.one("/html").getAttribute("lang")).isEqualTo(lang);
    return page;
  }

  private static String vary(HttpResponse<byte[]> response) {
    return response.headers().allValues("Vary").toString();
  }

  @Test
  void anIncidentsPageInSpanishForABrowserThatPrefersItAndAsBeforeInEnglish() {
    HttpResponse<byte[]> spanish = both.getWhenReady("/status/incidents/checkoutopen", "Accept-Language", SPANISH);
    HtmlDocument page = ok(spanish, "es");
    assertThat(vary(spanish)).contains("Accept-Language", "Accept-Encoding");
    assertThat(text(page.one("//h2[@id='affected-heading']"))).isEqualTo("Rutas afectadas");
    assertThat(text(page.one("//p[@class='notice-affected']"))).isEqualTo("Afecta a Checkout");
    assertThat(text(page.one("//p[@class='notice-when']")))
        .isEqualTo("Comenzó: 30 de junio de 2025, 14:50 UTC · en curso desde hace 52 min");

    HttpResponse<byte[]> english = both.getWhenReady("/status/incidents/checkoutopen", "Accept-Language", "en-GB");
    HtmlDocument before = ok(english, "en");
    assertThat(vary(english)).contains("Accept-Language");
    assertThat(text(before.one("//p[@class='notice-when']")))
        .isEqualTo("Began 2025-06-30 14:50 UTC · ongoing for 52 min");
    assertThat(english.headers().firstValue("ETag")).isNotEqualTo(spanish.headers().firstValue("ETag"));
    ok(both.getWhenReady("/status/incidents/checkoutopen"), "en");

    // A client holding the Spanish page is not told the English one is the same.
    HttpResponse<byte[]> revalidated = both.get("/status/incidents/checkoutopen", "If-None-Match",
        spanish.headers().firstValue("ETag").orElseThrow());
    assertThat(revalidated.statusCode()).isEqualTo(200);
    assertThat(HtmlDocument.parse(revalidated.body()).one("/html").getAttribute("lang")).isEqualTo("en");
    HttpResponse<byte[]> same = both.get("/status/incidents/checkoutopen", "If-None-Match",
        spanish.headers().firstValue("ETag").orElseThrow(), "Accept-Language", SPANISH);
    assertThat(same.statusCode()).isEqualTo(304);
  }

  @Test
  void theHistoryInSpanishAndWhileAMonthIsReadItsMomentPageToo() {
    // A month nothing else here asks for, so it has not been read yet.
    HttpResponse<byte[]> reading = both.get("/status/history?month=2024-12", "Accept-Language", SPANISH);
    assertThat(reading.statusCode()).isEqualTo(503);
    HtmlDocument moment = HtmlDocument.parse(reading.body());
    assertThat(moment.one("/html").getAttribute("lang")).isEqualTo("es");
    assertThat(text(moment.one("//p"))).isEqualTo(
        "Se está leyendo el historial de 2024-12. Esta página se recargará en un momento.");

    HttpResponse<byte[]> december = both.getWhenReady("/status/history?month=2024-12", "Accept-Language", SPANISH);
    HtmlDocument page = ok(december, "es");
    assertThat(vary(december)).contains("Accept-Language");
    assertThat(text(page.one("//h1"))).isEqualTo("Historial de incidentes");
    assertThat(text(page.one("//h2[@class='month']"))).isEqualTo("diciembre de 2024");
    assertThat(text(page.one("//a[@rel='next']"))).isEqualTo("enero de 2025 →");
    assertThat(text(page.one("//p[@class='quiet']"))).isEqualTo("No se registraron incidentes en diciembre de 2024.");

    HtmlDocument may = ok(both.getWhenReady("/status/history?month=2025-05", "Accept-Language", SPANISH), "es");
    assertThat(may.all("//section[@class='history-list']/article//p[@class='notice-meta']"))
        .extracting(PagesInTwoLanguagesTest::text).containsExactly("Incidente menor · Resuelto");

    HtmlDocument english = ok(both.getWhenReady("/status/history?month=2024-12", "Accept-Language", "en"), "en");
    assertThat(text(english.one("//h2[@class='month']"))).isEqualTo("December 2024");
  }

  @Test
  void theObjectivesPageInSpanish() {
    HttpResponse<byte[]> spanish = both.getWhenReady("/status/objectives", "Accept-Language", SPANISH);
    HtmlDocument page = ok(spanish, "es");
    assertThat(vary(spanish)).contains("Accept-Language");
    assertThat(text(page.one("//h1"))).isEqualTo("Objetivos");
    assertThat(text(page.one("//p[@class='quiet']"))).isEqualTo("No hay objetivos configurados.");

    HtmlDocument english = ok(both.getWhenReady("/status/objectives", "Accept-Language", "de, en;q=0.5"), "en");
    assertThat(text(english.one("//h1"))).isEqualTo("Objectives");
  }

  @Test
  void theJsonIsInTheDefaultLanguageForEveryClient() throws IOException {
    HttpResponse<byte[]> json = both.getWhenReady("/status", "Accept", "application/json",
        "Accept-Language", SPANISH);
    assertThat(vary(json)).doesNotContain("Accept-Language");
    JsonNode page = new ObjectMapper().readTree(json.body());
    assertThat(page.get("headline").asText()).isEqualTo("Partial Outage");

    JsonNode spanish = new ObjectMapper().readTree(spanishOnly.getWhenReady("/status",
        "Accept", "application/json", "Accept-Language", "en").body());
    assertThat(spanish.get("headline").asText()).isEqualTo("Interrupción parcial");
  }

  @Test
  void aPageWithOneLanguageAnswersInItWhateverTheBrowserPrefers() {
    HttpResponse<byte[]> incident = spanishOnly.getWhenReady("/status/incidents/checkoutopen",
        "Accept-Language", "en-GB,en");
    HtmlDocument page = ok(incident, "es");
    assertThat(vary(incident)).doesNotContain("Accept-Language");
    assertThat(text(page.one("//h2[@id='updates-heading']"))).isEqualTo("Actualizaciones");

    HttpResponse<byte[]> history = spanishOnly.getWhenReady("/status/history", "Accept-Language", "en");
    assertThat(text(ok(history, "es").one("//h2[@class='month']"))).isEqualTo("junio de 2025");
    assertThat(new String(spanishOnly.getWhenReady("/status/history.atom").body(), StandardCharsets.UTF_8))
        .contains("The Shop: incidentes y mantenimiento", "Incidente grave");
  }
}
