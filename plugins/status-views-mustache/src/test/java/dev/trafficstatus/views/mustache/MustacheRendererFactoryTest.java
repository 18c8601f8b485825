package dev.trafficstatus.views.mustache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.spi.page.Asset;
import dev.trafficstatus.spi.page.PageRenderer;
import dev.trafficstatus.spi.page.RendererFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class MustacheRendererFactoryTest {

  @Test
  void serviceLoaderFindsTheFactoryByName() {
    List<RendererFactory> found = ServiceLoader.load(RendererFactory.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(factory -> factory.name().equals("mustache"))
        .toList();
    assertThat(found).singleElement().isInstanceOf(MustacheRendererFactory.class);
    assertThat(found.get(0).build(new PageFixtures.FixedContext()).mediaType())
        .isEqualTo("text/html;charset=UTF-8");
  }

  @Test
  void bindsItsWindowsFromConfiguration() throws Exception {
    MustacheRendererFactory factory =
        new ObjectMapper().readValue("{\"type\": \"mustache\", \"windows\": [7, 30]}", MustacheRendererFactory.class);
    assertThat(factory.getWindows()).containsExactly(7, 30);
    String page = PageFixtures.render(factory.build(new PageFixtures.FixedContext()), PageFixtures.seeded());
    assertThat(PageFixtures.parse(page).all("//nav//a")).extracting(a -> a.getAttribute("href"))
        .containsExactly("/status?days=7", "/status?days=30");

    assertThat(new ObjectMapper().readValue("{\"type\": \"mustache\"}", MustacheRendererFactory.class).getWindows())
        .containsExactly(30, 90, 365);
  }

  @Test
  void rejectsWindowsOutsideOneToFourHundredDaysOrRepeated() {
    ObjectMapper mapper = new ObjectMapper();
    assertThatThrownBy(() -> mapper.readValue("{\"type\": \"mustache\", \"windows\": [0]}", MustacheRendererFactory.class))
        .isInstanceOf(JsonMappingException.class).hasMessageContaining("from 1 to 400");
    assertThatThrownBy(() -> mapper.readValue("{\"type\": \"mustache\", \"windows\": [401]}", MustacheRendererFactory.class))
        .isInstanceOf(JsonMappingException.class).hasMessageContaining("from 1 to 400");
    assertThatThrownBy(() -> mapper.readValue("{\"type\": \"mustache\", \"windows\": [30, 30]}", MustacheRendererFactory.class))
        .isInstanceOf(JsonMappingException.class).hasMessageContaining("must not repeat");
  }

  @Test
  void servesItsBundledAssetsByExactNameOnly() {
    PageRenderer renderer = PageFixtures.renderer();
    Asset css = renderer.asset("status.css").orElseThrow();
    assertThat(css.mediaType()).isEqualTo("text/css;charset=UTF-8");
    assertThat(new String(css.content(), StandardCharsets.UTF_8)).contains(".state-major");
    assertThat(renderer.asset("status.js").orElseThrow().mediaType())
        .isEqualTo("text/javascript;charset=UTF-8");
    assertThat(renderer.asset("favicon.svg").orElseThrow().mediaType()).isEqualTo("image/svg+xml");

    for (String name : List.of("../x", "../status.css", "/status.css", "assets/status.css",
        "STATUS.CSS", "status.css?v=1", "status-page.mustache", "templates/status-page.mustache",
        "..%2Fstatus.css", "", " status.css")) {
      assertThat(renderer.asset(name)).as(name).isEmpty();
    }
    assertThat(renderer.asset(null)).isEmpty();
  }

  @Test
  void pageReferencesItsAssetsUnderTheHostsPathWithAContentVersion() {
    PageRenderer renderer = PageFixtures.renderer();
    PageFixtures.Html html = PageFixtures.parse(PageFixtures.render(renderer, PageFixtures.seeded()));
    String style = html.one("//link[@rel='stylesheet']").getAttribute("href");
    String icon = html.one("//link[@rel='icon']").getAttribute("href");
    String script = html.one("//script").getAttribute("src");
    assertThat(style).matches("/status/assets/status\\.css\\?v=[0-9a-f]{12}");
    assertThat(icon).matches("/status/assets/favicon\\.svg\\?v=[0-9a-f]{12}");
    assertThat(script).matches("/status/assets/status\\.js\\?v=[0-9a-f]{12}");
    for (String href : List.of(style, icon, script)) {
      String name = href.substring("/status/assets/".length(), href.indexOf('?'));
      assertThat(renderer.asset(name)).as(name).isPresent();
    }
  }

  @Test
  void pageNeedsNoInlineScriptOrStyle() {
    PageFixtures.Html html =
        PageFixtures.parse(PageFixtures.render(PageFixtures.renderer(), PageFixtures.seeded()));
    assertThat(html.all("//style")).isEmpty();
    assertThat(html.all("//*[@style]")).isEmpty();
    assertThat(html.all("//script[not(@src)]")).isEmpty();
    assertThat(html.all("//script")).allSatisfy(s -> assertThat(s.getTextContent()).isEmpty());
    assertThat(html.all("//*[@*[starts-with(name(), 'on')]]")).isEmpty();
    assertThat(html.all("//*[@href[starts-with(., 'http') or starts-with(., '//')]]"))
        .as("nothing from a CDN or another origin").isEmpty();

    String script = new String(
        PageFixtures.renderer().asset("status.js").orElseThrow().content(), StandardCharsets.UTF_8);
    assertThat(script).doesNotContain("innerHTML").doesNotContain("eval(")
        .doesNotContain("setAttribute(\"style\"");
    String css = new String(
        PageFixtures.renderer().asset("status.css").orElseThrow().content(), StandardCharsets.UTF_8);
    assertThat(css).doesNotContain("@import").doesNotContain("url(").contains("prefers-color-scheme: dark");
  }
}
