package dev.trafficstatus.server.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.server.testapp.NinetyDaySeed;
import dev.trafficstatus.server.testapp.StatusOnlyApp;
import dev.trafficstatus.server.testing.ConfigParsing;
import dev.trafficstatus.testkit.MutableClock;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;

/**
 * {@code page.brand} through the real server: what it adds to the page and to the
 * Content-Security-Policy (the logo's origin in {@code img-src}, nothing else), and the hostile
 * values that stop start-up.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BrandedPageTest {

  private static final MutableClock CLOCK = new MutableClock(NinetyDaySeed.NOW);

  static final DropwizardAppExtension<StatusConfiguration> APP =
      StatusOnlyApp.extension("status-branded.yml", "branded-page", CLOCK, Map.of());

  private static PageFetcher fetcher;

  @BeforeAll
  static void seed() {
    NinetyDaySeed.writeTo(StatusOnlyApp.store(APP));
    StatusOnlyApp.showWhatWasWritten(APP);
    fetcher = new PageFetcher(APP.getLocalPort());
  }

  @Test
  void thePageShowsTheBrandAndItsPolicyAllowsTheLogosOriginForImagesOnly() {
    HttpResponse<byte[]> response = fetcher.getWhenReady("/status");
    assertThat(response.statusCode()).isEqualTo(200);
    String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy).isEqualTo("default-src 'none'; style-src 'self'; script-src 'self';"
        + " img-src 'self' data: https://cdn.example.com; base-uri 'none'; form-action 'none';"
        + " frame-ancestors 'none'");

    HtmlDocument page = HtmlDocument.parse(response.body());
    assertThat(page.one("//img[@class='brand-logo']").getAttribute("src"))
        .isEqualTo("https://cdn.example.com/brand/logo.png");
    Element link = page.one("//nav[@class='brand-links']//a");
    assertThat(link.getAttribute("href")).isEqualTo("https://example.com/support");
    assertThat(page.one("//p[@class='brand-footer']").getTextContent()).isEqualTo("<b>Example Corp</b>");
    assertThat(page.all("//footer//b")).isEmpty();

    String sheet = page.all("//head/link[@rel='stylesheet']").get(1).getAttribute("href");
    HttpResponse<byte[]> css = fetcher.get(sheet);
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(new String(css.body(), StandardCharsets.UTF_8)).contains("--accent: #0b5cad;");
    // Opened on its own, an asset (an SVG logo could be one) may run nothing.
    assertThat(css.headers().firstValue("Content-Security-Policy")).hasValue(PageResponses.ASSET_POLICY);
  }

  @Test
  void theIncidentPagesCarryTheSamePolicy() {
    HttpResponse<byte[]> response = fetcher.getWhenReady("/status/history");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("img-src 'self' data: https://cdn.example.com;");
  }

  @Test
  void theBrowsersLanguageChoosesAmongTheConfiguredOnesAndCachesAreToldSo() {
    HttpResponse<byte[]> spanish = fetcher.getWhenReady("/status", "Accept-Language", "es-MX,es;q=0.9,en;q=0.5");
    assertThat(spanish.statusCode()).isEqualTo(200);
    HtmlDocument page = HtmlDocument.parse(spanish.body());
    assertThat(page.one("/html").getAttribute("lang")).isEqualTo("es");
    assertThat(page.one("//h2[@id='legend-heading']").getTextContent()).isEqualTo("Leyenda");
    assertThat(spanish.headers().allValues("Vary").toString()).contains("Accept-Language");

    HttpResponse<byte[]> english = fetcher.getWhenReady("/status", "Accept-Language", "en-GB");
    assertThat(HtmlDocument.parse(english.body()).one("/html").getAttribute("lang")).isEqualTo("en");
    assertThat(english.headers().firstValue("ETag")).isNotEqualTo(spanish.headers().firstValue("ETag"));

    for (String other : new String[] {"fr-FR, de;q=0.8", "*", "x;;q=7,,", "es;q=0, fr"}) {
      HttpResponse<byte[]> fallback = fetcher.getWhenReady("/status", "Accept-Language", other);
      assertThat(fallback.statusCode()).as(other).isEqualTo(200);
      assertThat(HtmlDocument.parse(fallback.body()).one("/html").getAttribute("lang")).as(other).isEqualTo("en");
    }
    HttpResponse<byte[]> none = fetcher.getWhenReady("/status");
    assertThat(HtmlDocument.parse(none.body()).one("/html").getAttribute("lang")).isEqualTo("en");
    // A client that has the Spanish page is not told the English one is the same.
    HttpResponse<byte[]> revalidated = fetcher.get("/status", "If-None-Match",
        spanish.headers().firstValue("ETag").orElseThrow());
    assertThat(revalidated.statusCode()).isEqualTo(200);
  }

  @Test
  void aLanguageTheRendererDoesNotWriteStopsStartUp() {
    assertThatThrownBy(() -> PageLanguages.checked(
            java.util.List.of(java.util.Locale.ENGLISH, java.util.Locale.FRENCH),
            java.util.List.of(java.util.Locale.ENGLISH, java.util.Locale.forLanguageTag("es"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page.locales: the page's renderer does not write 'fr'; it writes [en, es]");
  }

  @Test
  void hostileBrandValuesStopStartUpNamingTheSetting() {
    assertThatThrownBy(() -> ConfigParsing.parse("""
            status:
              page:
                brand:
                  links:
                    - label: Support
                      href: "javascript:alert(1)"
            """))
        .hasStackTraceContaining("page.brand.links: the link 'Support' goes to 'javascript:alert(1)'");
    assertThatThrownBy(() -> ConfigParsing.parse("""
            status:
              page:
                brand:
                  accent: "red;background:url(https://evil.example.net/x)"
            """))
        .hasStackTraceContaining("page.brand.accent").hasStackTraceContaining("#rgb or #rrggbb");
    assertThatThrownBy(() -> ConfigParsing.parse("""
            status:
              page:
                brand:
                  logo: "https://evil.example.net/logo.png"
            """))
        .hasStackTraceContaining("imageSources");
  }
}
