package dev.trafficstatus.views.mustache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.spi.page.PageRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An owner's folder of templates over the built-in ones: {@code templates:} and {@code cacheTemplates:}. */
class CustomTemplatesTest {

  @TempDir Path folder;

  private static final String HEADER = """
      <header class="owner-header"><h1 class="title">{{title}}, by Example Corp</h1>\
      <p class="headline state-{{state}}" id="headline">{{headline}}</p></header>
      """;

  private PageRenderer renderer(boolean cache) throws IOException {
    String yaml = "{\"type\": \"mustache\", \"templates\": \"" + folder + "\", \"cacheTemplates\": " + cache + "}";
    return new ObjectMapper().readValue(yaml, MustacheRendererFactory.class)
        .build(new PageFixtures.FixedContext());
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void aHeaderInTheFolderReplacesTheBuiltInOneAndTheRestComesFromTheJar() throws IOException {
    write("header.mustache", HEADER);

    PageFixtures.Html page = PageFixtures.parse(PageFixtures.render(renderer(true), PageFixtures.seeded()));

    assertThat(PageFixtures.Html.text(page.one("//header[@class='owner-header']/h1")))
        .isEqualTo("Orders API, by Example Corp");
    assertThat(page.all("//header[@class='masthead']")).isEmpty();
    // Cards, legend and footer are still the built-in ones.
    assertThat(page.all("//article[@class='card']")).hasSize(3);
    assertThat(page.all("//section[@class='legend']")).hasSize(1);
    assertThat(page.all("//footer[@class='footer']")).hasSize(1);
  }

  @Test
  void anEmptyFolderRendersTheBuiltInPage() throws IOException {
    String own = PageFixtures.render(renderer(true), PageFixtures.seeded());
    assertThat(own).isEqualTo(PageFixtures.render(PageFixtures.renderer(), PageFixtures.seeded()));
  }

  @Test
  void withCachingOffAnEditedTemplateShowsOnTheNextRender() throws IOException {
    write("header.mustache", HEADER);
    PageRenderer renderer = renderer(false);
    assertThat(PageFixtures.render(renderer, PageFixtures.seeded())).contains("by Example Corp");

    write("header.mustache", HEADER.replace("by Example Corp", "by Example Inc"));

    String next = PageFixtures.render(renderer, PageFixtures.seeded());
    assertThat(next).contains("by Example Inc").doesNotContain("by Example Corp");
  }

  @Test
  void withCachingOnTheTemplateCompiledAtStartUpStays() throws IOException {
    write("header.mustache", HEADER);
    PageRenderer renderer = renderer(true);

    write("header.mustache", HEADER.replace("by Example Corp", "by Example Inc"));

    assertThat(PageFixtures.render(renderer, PageFixtures.seeded())).contains("by Example Corp");
  }

  @Test
  void aTemplateThatDoesNotCompileFailsStartUpWithItsFileAndLine() throws IOException {
    write("header.mustache", "<header>\n<h1>{{title}}</h1>\n{{#stale}}\n<p>old</p>\n</header>\n");

    assertThatThrownBy(() -> renderer(true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(folder.resolve("header.mustache").toString())
        .hasMessageContaining("header.mustache:")
        .hasMessageContaining("does not compile");
  }

  @Test
  void aBrokenTemplateNothingIncludesYetStillFailsStartUp() throws IOException {
    write("my-banner.mustache", "<p>{{#x}}</p>");
    assertThatThrownBy(() -> renderer(false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("my-banner.mustache");
  }

  @Test
  void aMissingFolderFailsStartUpNamingIt() {
    Path missing = folder.resolve("nope");
    assertThatThrownBy(() -> new ObjectMapper()
            .readValue("{\"type\": \"mustache\", \"templates\": \"" + missing + "\"}", MustacheRendererFactory.class)
            .build(new PageFixtures.FixedContext()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void aPartialNamedByPathIsRefusedInsteadOfReadingOutsideTheFolder() throws IOException {
    Files.writeString(folder.getParent().resolve("secret.mustache"), "SECRET");
    write("header.mustache", "<header>{{> ../secret.mustache}}</header>");

    assertThatThrownBy(() -> renderer(true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain file names");
  }

  @Test
  void aTemplateThatBreaksWhileRenderingFallsBackToTheBuiltInPageAndLogsOnce() throws IOException {
    write("header.mustache", HEADER);
    PageRenderer renderer = renderer(false);
    List<LogRecord> logged = new ArrayList<>();
    Logger log = Logger.getLogger(MustachePageRenderer.class.getName());
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        logged.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    log.addHandler(handler);
    try {
      // Edited into a broken state while the server runs.
      write("header.mustache", "<header>{{#title}}</header>");

      String first = PageFixtures.render(renderer, PageFixtures.seeded());
      String second = PageFixtures.render(renderer, PageFixtures.seeded());

      String builtIn = PageFixtures.render(PageFixtures.renderer(), PageFixtures.seeded());
      assertThat(first).isEqualTo(builtIn);
      assertThat(second).isEqualTo(builtIn);
      assertThat(logged).hasSize(1);
      assertThat(logged.get(0).getMessage()).contains("header.mustache", "built-in page");

      write("header.mustache", HEADER);
      assertThat(PageFixtures.render(renderer, PageFixtures.seeded())).contains("by Example Corp");
    } finally {
      log.removeHandler(handler);
    }
  }
}
