package dev.trafficstatus.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.server.browser.BrowserTab;
import dev.trafficstatus.server.browser.HeadlessChromium;
import dev.trafficstatus.server.testapp.NinetyDaySeed;
import dev.trafficstatus.server.testapp.StatusOnlyApp;
import dev.trafficstatus.testkit.MutableClock;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A branded page (logo and icon from files, accent colour, header links, footer) in a real
 * browser, in light and dark mode and in Spanish: what shows, that it all loads under the
 * Content-Security-Policy without inline script, and that the accent stays readable (4.5:1).
 *
 * <p>Screenshots go to {@code target/browser/}; {@code branded-page*.png} are the ones in
 * README.md's "Make it yours".
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BrandedPageBrowserTest {

  private static final Path OUTPUT = StatusPageBrowserTest.OUTPUT;

  private static final MutableClock CLOCK = new MutableClock(NinetyDaySeed.NOW);

  static final DropwizardAppExtension<StatusConfiguration> APP =
      StatusOnlyApp.extension("status-branded-files.yml", "browser-branded", CLOCK, Map.of());

  private static final CompletableFuture<HeadlessChromium> LAUNCH =
      CompletableFuture.supplyAsync(() -> HeadlessChromium.launch(OUTPUT.resolve("chromium-branded.log")));

  private static HeadlessChromium browser;

  private BrowserTab tab;

  @BeforeAll
  static void seedAndStartTheBrowser() {
    NinetyDaySeed.writeTo(StatusOnlyApp.store(APP));
    StatusOnlyApp.showWhatWasWritten(APP);
    try {
      browser = LAUNCH.join();
    } catch (CompletionException failed) {
      // Chromium missing or broken: fail with its own message, never skip.
      throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
    }
  }

  @AfterAll
  static void stopTheBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void openTab() {
    tab = browser.newTab(1200, 900);
  }

  @AfterEach
  void closeTab() {
    browser.closeTab(tab);
  }

  private static String page() {
    return "http://127.0.0.1:" + APP.getLocalPort() + "/status";
  }

  @Test
  void theBrandShowsInLightModeUnderThePolicyWithNoInlineScript() {
    tab.navigate(page());

    assertThat(tab.evaluate("document.querySelector('img.brand-logo').naturalWidth").asInt())
        .as("the logo loaded").isGreaterThan(0);
    assertThat(tab.accessibleName("img.brand-logo")).isEqualTo("Example Corp");
    assertThat(tab.evaluate("[...document.querySelectorAll('.brand-links a')].map(a => a.textContent).join('|')")
        .asText()).isEqualTo("Support|Home");
    assertThat(tab.evaluate("document.querySelector('.brand-footer').textContent").asText())
        .isEqualTo("© Example Corp · Questions? support@example.com");
    assertThat(tab.evaluate("document.querySelector('link[rel=icon]').getAttribute('href')").asText())
        .startsWith("/status/assets/brand-icon.svg?v=");
    assertThat(colour(".brand-links a")).isEqualTo("rgb(11, 92, 173)");
    assertThat(contrast(".brand-links a", ".page")).isGreaterThanOrEqualTo(4.5);
    assertThat(contrast(".brand-links a", "html")).isGreaterThanOrEqualTo(4.5);
    // What runs is the page's own script file, nothing inline, and nothing was refused.
    assertThat(tab.evaluate("[...document.scripts].every(s => s.src !== '')").asBoolean()).isTrue();
    assertThat(tab.evaluate("[...document.querySelectorAll('[style]')].length").asInt()).isZero();
    assertThat(tab.problems()).isEmpty();
    tab.screenshot(OUTPUT.resolve("branded-page.png"));
  }

  @Test
  void inDarkModeTheAccentIsLightenedEnoughToRead() {
    tab.prefersColorScheme("dark");
    tab.navigate(page());

    assertThat(colour(".brand-links a")).isNotEqualTo("rgb(11, 92, 173)");
    assertThat(contrast(".brand-links a", ".page")).isGreaterThanOrEqualTo(4.5);
    assertThat(contrast(".brand-links a", "html")).isGreaterThanOrEqualTo(4.5);
    assertThat(contrast("h1", ".page")).isGreaterThanOrEqualTo(4.5);
    assertThat(tab.problems()).isEmpty();
    tab.screenshot(OUTPUT.resolve("branded-page-dark.png"));
  }

  @Test
  void aBrowserSetToSpanishGetsTheSpanishPage() {
    tab.acceptLanguage("es-ES,es;q=0.9,en;q=0.5");
    tab.navigate(page());

    assertThat(tab.evaluate("document.documentElement.lang").asText()).isEqualTo("es");
    assertThat(tab.evaluate("document.querySelector('#legend-heading').textContent").asText()).isEqualTo("Leyenda");
    assertThat(tab.evaluate("document.querySelector('.updated').textContent").asText())
        .startsWith("Última actualización");
    assertThat(tab.evaluate("document.querySelector('.past-date').textContent").asText())
        .isEqualTo("lunes, 30 de junio de 2025");
    assertThat(tab.evaluate("document.querySelector('img.brand-logo').naturalWidth").asInt()).isGreaterThan(0);
    assertThat(tab.problems()).isEmpty();
    tab.screenshot(OUTPUT.resolve("branded-page-es.png"));
  }

  private String colour(String selector) {
    return tab.evaluate("getComputedStyle(document.querySelector('" + selector + "')).color").asText();
  }

  /** WCAG 2 contrast of an element's text on another's background, as axe computes it. */
  private double contrast(String text, String background) {
    JsonNode ratio = tab.evaluate("""
        (() => {
          const rgb = (c) => c.match(/[0-9.]+/g).slice(0, 3).map(Number);
          const lum = ([r, g, b]) => [r, g, b].map(v => v / 255)
              .map(v => v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4))
              .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
          const fg = lum(rgb(getComputedStyle(document.querySelector('%s')).color));
          const bg = lum(rgb(getComputedStyle(document.querySelector('%s')).backgroundColor));
          return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        })()""".formatted(text, background));
    return ratio.asDouble();
  }
}
