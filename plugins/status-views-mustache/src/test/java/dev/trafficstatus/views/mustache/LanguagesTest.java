package dev.trafficstatus.views.mustache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.page.PageRenderer;
import dev.trafficstatus.spi.page.RenderOptions;
import dev.trafficstatus.spi.page.RouteGroup;
import dev.trafficstatus.spi.page.StatusPage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The status page in English and Spanish: its texts from the message bundles, figures per language. */
class LanguagesTest {

  private static final Locale SPANISH = Locale.forLanguageTag("es");

  private final PageRenderer renderer = PageFixtures.renderer();

  private PageFixtures.Html render(StatusPage page, Locale locale) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    renderer.render(page, PageFixtures.LINKS, RenderOptions.in(locale), out);
    return PageFixtures.parse(out.toString(StandardCharsets.UTF_8));
  }

  private static String text(Element element) {
    return PageFixtures.Html.text(element);
  }

  private static Element card(PageFixtures.Html html, String name) {
    return html.one("//article[h3 = '" + name + "' or header/h3 = '" + name + "']");
  }

  @Test
  void theRendererWritesEnglishAndSpanish() {
    assertThat(renderer.locales()).containsExactly(Locale.ENGLISH, SPANISH);
  }

  @Test
  void inSpanishEveryTextOfThePageAndItsFiguresAreSpanish() throws IOException {
    PageFixtures.Html html = render(PageFixtures.seeded(), SPANISH);

    assertThat(html.one("/html").getAttribute("lang")).isEqualTo("es");
    assertThat(text(html.one("//p[@id='headline']"))).isEqualTo("Rendimiento degradado");
    assertThat(text(html.one("//span[@class='updated']")))
        .isEqualTo("Última actualización 10 de marzo de 2025, 15:03:07 CET (Europe/Berlin)");
    assertThat(text(html.one("//span[@class='windows-label']"))).isEqualTo("Mostrando los últimos 90 días:");
    assertThat(html.all("//nav[@class='windows']/a")).extracting(PageFixtures.Html::text)
        .containsExactly("30 días", "90 días", "365 días");
    assertThat(text(html.one(card(html, "Orders"), ".//span[@class='uptime']")))
        .isEqualTo("99,95 % de disponibilidad en los últimos 90 días");
    assertThat(text(html.one(card(html, "Orders"), ".//p[@class='totals']")))
        .isEqualTo("200.000 solicitudes: 199.767 éxitos, 90 fallos, 143 ignoradas · p50 12 ms"
            + " · p95 40 ms · p99 120 ms");
    assertThat(text(html.one(card(html, "Orders"), ".//span[@class='axis-end']"))).isEqualTo("Hoy");
    assertThat(html.all(card(html, "Orders"), ".//li[contains(@class, 'day')]").get(89).getAttribute("title"))
        .isEqualTo("2025-03-10 (hoy, hasta ahora) · Operativo · 12.345 solicitudes: 12.300 éxitos,"
            + " 2 fallos, 43 ignoradas · 99,98 % de disponibilidad · p50 12 ms · p95 40 ms · p99 120 ms");
    assertThat(text(html.one(card(html, "Payments"), ".//span[contains(@class, 'pill')]")))
        .isEqualTo("Estado actual: Degradado");
    assertThat(text(html.one("//h2[@id='legend-heading']"))).isEqualTo("Leyenda");
    assertThat(html.all("//section[@class='legend']//li/strong")).extracting(PageFixtures.Html::text)
        .containsExactly("Operativo", "Degradado", "Interrupción parcial", "Interrupción grave",
            "Sin datos", "En mantenimiento");
    assertThat(text(html.all("//footer/p").get(0))).startsWith("Traffic Status: construido");
  }

  @Test
  void inEnglishThePageIsAsBefore() throws IOException {
    PageFixtures.Html english = render(PageFixtures.seeded(), Locale.ENGLISH);
    assertThat(english.one("/html").getAttribute("lang")).isEqualTo("en");
    assertThat(text(english.one("//p[@id='headline']"))).isEqualTo("Degraded Performance");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    renderer.render(PageFixtures.seeded(), PageFixtures.LINKS, RenderOptions.in(Locale.ENGLISH), out);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(PageFixtures.render(renderer, PageFixtures.seeded()));
  }

  @Test
  void aLanguageNotShippedGetsEnglish() throws IOException {
    ByteArrayOutputStream french = new ByteArrayOutputStream();
    renderer.render(PageFixtures.seeded(), PageFixtures.LINKS, RenderOptions.in(Locale.FRENCH), french);
    assertThat(french.toString(StandardCharsets.UTF_8)).isEqualTo(PageFixtures.render(renderer, PageFixtures.seeded()));
  }

  @Test
  void aRouteNamedLikeAPlaceholderIsShownAsItIs() throws IOException {
    StatusPage page = PageFixtures.page("Orders API", Health.OPERATIONAL, "All Systems Operational",
        ZoneId.of("UTC"), 30, List.of(new RouteGroup("G",
            List.of(PageFixtures.healthyRoute("/x", "{1} {0}", "", 30)))));
    PageFixtures.Html html = render(page, SPANISH);
    assertThat(html.one("//ol[contains(@class, 'days')]").getAttribute("aria-label"))
        .isEqualTo("Estado diario de {1} {0} en los últimos 30 días, del más antiguo al más reciente");
  }

  @Test
  void theSpanishBundleHasEveryKeyOfTheEnglishOne() throws IOException {
    Properties english = bundle("messages.properties");
    Properties spanish = bundle("messages_es.properties");
    assertThat(spanish.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
  }

  private static Properties bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = LanguagesTest.class.getResourceAsStream(name)) {
      properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
