package dev.trafficstatus.views.mustache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.spi.page.PageBrand;
import dev.trafficstatus.spi.page.PageRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** {@code page.brand}: the owner's logo, accent colour, links and footer, and the values refused. */
class BrandingTest {

  private static final String LOGO_SVG =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"32\"><rect width=\"120\" height=\"32\" fill=\"#0b5cad\"/></svg>";

  @TempDir Path dir;

  private static PageRenderer renderer(PageBrand brand) {
    return new MustacheRendererFactory().build(new PageFixtures.FixedContext(), brand);
  }

  private static String css(PageRenderer renderer, String href) {
    String name = href.substring("/status/assets/".length(), href.indexOf('?'));
    return new String(renderer.asset(name).orElseThrow().content(), StandardCharsets.UTF_8);
  }

  @Test
  void aBrandedPageShowsTheLogoLinksFooterAndAccentThroughAStyleSheet() throws IOException {
    Path logo = dir.resolve("logo.svg");
    Files.writeString(logo, LOGO_SVG);
    PageBrand brand = new PageBrand(logo.toString(), "Example Corp", "#0b5cad", null, null,
        List.of(new PageBrand.Link("Support", "https://example.com/support"),
            new PageBrand.Link("Home", "/")),
        "© Example Corp · status of the public API", null);
    PageRenderer renderer = renderer(brand);

    PageFixtures.Html page = PageFixtures.parse(PageFixtures.render(renderer, PageFixtures.seeded()));

    Element img = page.one("//header//img[@class='brand-logo']");
    assertThat(img.getAttribute("alt")).isEqualTo("Example Corp");
    assertThat(img.getAttribute("src")).startsWith("/status/assets/brand-logo.svg?v=");
    assertThat(renderer.asset("brand-logo.svg").orElseThrow().mediaType()).isEqualTo("image/svg+xml");
    assertThat(new String(renderer.asset("brand-logo.svg").orElseThrow().content(), StandardCharsets.UTF_8))
        .isEqualTo(LOGO_SVG);
    assertThat(page.all("//nav[@class='brand-links']//a"))
        .extracting(PageFixtures.Html::text, a -> a.getAttribute("href"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Support", "https://example.com/support"),
            org.assertj.core.groups.Tuple.tuple("Home", "/"));
    assertThat(PageFixtures.Html.text(page.one("//footer/p[@class='brand-footer']")))
        .isEqualTo("© Example Corp · status of the public API");

    List<String> sheets = page.all("//head/link[@rel='stylesheet']").stream()
        .map(link -> link.getAttribute("href")).toList();
    assertThat(sheets).hasSize(2);
    assertThat(sheets.get(0)).startsWith("/status/assets/status.css?v=");
    assertThat(sheets.get(1)).startsWith("/status/assets/brand.css?v=");
    String brandCss = css(renderer, sheets.get(1));
    assertThat(brandCss).contains("--accent: #0b5cad;", "--link: #0b5cad;", "prefers-color-scheme: dark");
    // No inline style or script carries the colour: CSP keeps style-src 'self'.
    assertThat(page.all("//*[@style]")).isEmpty();
    assertThat(page.all("//script[not(@src)]")).isEmpty();
  }

  @Test
  void anUnbrandedPageHasNoBrandParts() {
    PageFixtures.Html page = PageFixtures.parse(PageFixtures.render(PageFixtures.renderer(), PageFixtures.seeded()));
    assertThat(page.all("//*[contains(@class, 'brand')]")).isEmpty();
    assertThat(page.all("//head/link[@rel='stylesheet']")).hasSize(1);
  }

  @Test
  void theAccentAppliesToNoticePagesToo() throws IOException {
    PageRenderer renderer = renderer(new PageBrand(null, null, "#0b5cad", null, null, null, null, null));
    PageFixtures.Html notice = NoticePagesRenderingTest.notice(renderer, NoticeFixtures.CHECKOUT, false);
    assertThat(notice.all("//head/link[@rel='stylesheet']"))
        .extracting(link -> link.getAttribute("href"))
        .anySatisfy(href -> assertThat(href).startsWith("/status/assets/brand.css?v="));
  }

  @Test
  void aLogoUrlMustComeFromAnAllowedImageSource() {
    PageBrand allowed = new PageBrand("https://cdn.example.com/logo.png", null, null, null, null, null,
        null, List.of("https://cdn.example.com"));
    PageFixtures.Html page = PageFixtures.parse(PageFixtures.render(renderer(allowed), PageFixtures.seeded()));
    Element img = page.one("//img[@class='brand-logo']");
    assertThat(img.getAttribute("src")).isEqualTo("https://cdn.example.com/logo.png");
    // Beside the title, the logo adds nothing for a screen reader unless the owner says what it is.
    assertThat(img.getAttribute("alt")).isEmpty();

    assertThatThrownBy(() -> new PageBrand("https://evil.example.net/logo.png", null, null, null, null,
            null, null, List.of("https://cdn.example.com")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("page.brand.logo").hasMessageContaining("imageSources");
    assertThatThrownBy(() -> new PageBrand("http://cdn.example.com/logo.png", null, null, null, null,
            null, null, List.of("https://cdn.example.com")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    assertThatThrownBy(() -> new PageBrand(null, null, null, null, null, null, null,
            List.of("https://*.example.com")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("imageSources");
    assertThatThrownBy(() -> new PageBrand(null, null, null, null, null, null, null,
            List.of("https://cdn.example.com; script-src *")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("imageSources");
  }

  @Test
  void hostileLinksAreRefusedAtStartUpNamingTheLink() {
    for (String href : List.of("javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>", "//evil.example.net/", "vbscript:msgbox(1)",
        "https:", "\"><script>alert(1)</script>")) {
      assertThatThrownBy(() -> new PageBrand.Link("Support", href))
          .as(href)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("page.brand.links").hasMessageContaining("'Support'");
    }
    assertThat(new PageBrand.Link("Mail us", "mailto:help@example.com").href())
        .isEqualTo("mailto:help@example.com");
  }

  @Test
  void hostileColoursAreRefusedAtStartUp() {
    for (String colour : List.of("red;background:url(https://evil.example.net/x)", "red", "#12345g",
        "#0b5cad;}", "expression(alert(1))", "#0b5cad80")) {
      assertThatThrownBy(() -> new PageBrand(null, null, colour, null, null, null, null, null))
          .as(colour)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("page.brand.accent").hasMessageContaining("#rgb or #rrggbb");
    }
  }

  @Test
  void htmlInTheFooterAndLabelsIsShownAsTextNeverAsMarkup() {
    PageBrand brand = new PageBrand(null, null, null, null, null,
        List.of(new PageBrand.Link("<b>Help</b>", "https://example.com/help?a=1&b=2")),
        "<script>alert(1)</script><img src=x onerror=alert(2)>", null);
    String html = PageFixtures.render(renderer(brand), PageFixtures.seeded());
    PageFixtures.Html page = PageFixtures.parse(html);

    assertThat(PageFixtures.Html.text(page.one("//p[@class='brand-footer']")))
        .isEqualTo("<script>alert(1)</script><img src=x onerror=alert(2)>");
    assertThat(page.all("//footer//script")).isEmpty();
    assertThat(page.all("//img")).isEmpty();
    Element link = page.one("//nav[@class='brand-links']//a");
    assertThat(PageFixtures.Html.text(link)).isEqualTo("<b>Help</b>");
    assertThat(link.getAttribute("href")).isEqualTo("https://example.com/help?a=1&b=2");
    assertThat(page.all("//nav[@class='brand-links']//b")).isEmpty();
  }

  @Test
  void anAccentTooFaintToReadIsRefusedWithADarkerShadeThatWouldDo() {
    assertThatThrownBy(() -> renderer(new PageBrand(null, null, "#ffcc00", null, null, null, null, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("page.brand.accent #ffcc00")
        .hasMessageContaining("4.5:1")
        .satisfies(e -> {
          Matcher suggested = Pattern.compile("such as (#[0-9a-f]{6})").matcher(e.getMessage());
          assertThat(suggested.find()).isTrue();
          String shade = suggested.group(1);
          assertThat(AccentColours.contrast(shade, AccentColours.LIGHT_BACKGROUND)).isGreaterThanOrEqualTo(4.5);
          // The suggestion is accepted as it is.
          renderer(new PageBrand(null, null, shade, null, null, null, null, null));
        });
  }

  @Test
  void theDarkModeAccentIsLightenedUntilItReadsOnTheDarkBackground() {
    PageRenderer renderer = renderer(new PageBrand(null, null, "#0b5cad", null, null, null, null, null));
    String href = PageFixtures.parse(PageFixtures.render(renderer, PageFixtures.seeded()))
        .all("//head/link[@rel='stylesheet']").get(1).getAttribute("href");
    String css = css(renderer, href);
    Matcher dark = Pattern.compile("dark\\) \\{\\s*:root \\{\\s*--accent: (#[0-9a-f]{6});").matcher(css);
    assertThat(dark.find()).as(css).isTrue();
    assertThat(dark.group(1)).isNotEqualTo("#0b5cad");
    assertThat(AccentColours.contrast("#0b5cad", AccentColours.DARK_BACKGROUND)).isLessThan(4.5);
    assertThat(AccentColours.contrast(dark.group(1), AccentColours.DARK_BACKGROUND)).isGreaterThanOrEqualTo(4.5);

    assertThatThrownBy(() -> renderer(new PageBrand(null, null, "#0b5cad", "#0b1f3a", null, null, null, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("page.brand.accentDark #0b1f3a").hasMessageContaining("4.5:1");
  }

  @Test
  void theFaviconReplacesThePagesOwn() throws IOException {
    Path icon = dir.resolve("icon.png");
    Files.write(icon, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    PageRenderer renderer = renderer(new PageBrand(null, null, null, null, icon.toString(), null, null, null));
    PageFixtures.Html page = PageFixtures.parse(PageFixtures.render(renderer, PageFixtures.seeded()));
    Element link = page.one("//head/link[@rel='icon']");
    assertThat(link.getAttribute("type")).isEqualTo("image/png");
    assertThat(link.getAttribute("href")).startsWith("/status/assets/brand-icon.png?v=");
    assertThat(renderer.asset("brand-icon.png")).isPresent();

    assertThatThrownBy(() -> renderer(new PageBrand(null, null, null, null, dir.resolve("none.png").toString(),
            null, null, null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page.brand.favicon");
    assertThatThrownBy(() -> new PageBrand(null, null, null, null, "https://cdn.example.com/x.ico",
            null, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page.brand.favicon");
  }
}
