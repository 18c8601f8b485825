package dev.trafficstatus.views.mustache;

import static dev.trafficstatus.views.mustache.PageFixtures.Html.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.page.PageRenderer;
import dev.trafficstatus.views.mustache.PageFixtures.Html;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Hostile incident names and bodies reach every page as inert text. */
class NoticeEscapingTest {

  static final String SCRIPT_NAME = "</script><script>alert(1)</script>";
  static final String IMAGE_NAME = "<img src=x onerror=alert(1)>";
  /** A right-to-left override: unisolated, it would turn the words after the name around. */
  static final String REVERSING_NAME = "\u202Egnp.exe\u2069 \u202E";
  static final String HOSTILE_BODY = "<a href=\"javascript:alert(1)\">click</a>\n"
      + "<img src=x onerror=alert(2)> javascript:alert(3) \"' & &amp; </p></li>";

  private final PageRenderer renderer = PageFixtures.renderer();

  private final List<Notice> notices = List.of(
      NoticeFixtures.incident("hostile00001", SCRIPT_NAME, HOSTILE_BODY),
      NoticeFixtures.incident("hostile00002", IMAGE_NAME, HOSTILE_BODY),
      NoticeFixtures.incident("hostile00003", REVERSING_NAME, "\u202Ereversed body"));

  private final Html page = PageFixtures.parse(
      PageFixtures.render(renderer, NoticeFixtures.seededWith(notices)));

  @Test
  void namesAndBodiesAreTextOnTheStatusPage() {
    assertThat(page.all("//script")).hasSize(1);
    assertThat(page.all("//img")).isEmpty();
    assertThat(page.all("//section[h2 = 'Active incidents']//h3/a/bdi")).extracting(Element::getTextContent)
        .containsExactly(SCRIPT_NAME, IMAGE_NAME, REVERSING_NAME);
    assertThat(page.all("//section[h2 = 'Active incidents']//p[@class='update-body']"))
        .extracting(Element::getTextContent)
        .containsExactly(HOSTILE_BODY, HOSTILE_BODY, "\u202Ereversed body");
    assertThat(page.all("//a")).extracting(a -> a.getAttribute("href"))
        .allSatisfy(href -> assertThat(href).startsWith("/status"));
    assertThat(page.all("//*[@onerror or @onclick or @onload]")).isEmpty();
  }

  @Test
  void everyNameShownOutsideMarkupIsIsolatedWithoutItsOwnDirectionControls() {
    String tip = page.all("//li[contains(@title, '(today')]").get(0).getAttribute("title");

    assertThat(tip).contains(" · Incident: \u2068gnp.exe \u2069")
        .contains(" · Incident: \u2068" + SCRIPT_NAME + "\u2069")
        .doesNotContain("\u202E");
  }

  @Test
  void namesAndBodiesAreTextOnTheirOwnPages() throws IOException {
    for (Notice notice : notices) {
      Html own = NoticePagesRenderingTest.notice(renderer, notice, false);
      assertThat(own.all("//script | //img")).isEmpty();
      assertThat(own.one("//h1/bdi").getTextContent()).isEqualTo(notice.name());
      assertThat(text(own.one("//head/title")))
          .isEqualTo(Figures.isolated(notice.name()).strip() + " · Orders API");
      assertThat(own.all("//a")).extracting(a -> a.getAttribute("href"))
          .allSatisfy(href -> assertThat(href).startsWith("/status"));
    }
  }
}
