package dev.trafficstatus.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.PlainText.Run;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Bodies become text and links only where a bare https:// URL stands, and nothing else. */
class PlainTextLinksTest {

  private static Run text(String text) {
    return new Run(text, false);
  }

  private static Run link(String url) {
    return new Run(url, true);
  }

  private static String joined(List<Run> runs) {
    return runs.stream().map(Run::text).collect(Collectors.joining());
  }

  @Test
  void aBareHttpsUrlBecomesALinkWithoutTheSentencesFullStop() {
    assertThat(PlainText.withLinks("Details at https://example.com/incidents/42. Thanks"))
        .containsExactly(text("Details at "), link("https://example.com/incidents/42"), text(". Thanks"));
  }

  @Test
  void bracketsCloseTheUrlUnlessItOpenedThem() {
    assertThat(PlainText.withLinks("(see https://example.com/wiki/A_(b))"))
        .containsExactly(text("(see "), link("https://example.com/wiki/A_(b)"), text(")"));
    assertThat(PlainText.withLinks("[https://example.com/x]"))
        .containsExactly(text("["), link("https://example.com/x"), text("]"));
  }

  @Test
  void urlsOnTheirOwnLinesAndAtBothEnds() {
    assertThat(PlainText.withLinks("https://a.example/\nfixed\nhttps://b.example/x?y=1&z=2"))
        .containsExactly(link("https://a.example/"), text("\nfixed\n"),
            link("https://b.example/x?y=1&z=2"));
  }

  @Test
  void noOtherSchemeAndNothingGluedToAWordBecomesALink() {
    for (String body : List.of(
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)//https://example.com",
        "http://example.com/plain",
        "data:text/html,<script>alert(1)</script>",
        "xhttps://example.com",
        "https://",
        "https:///path-without-host",
        "HTTPS://EXAMPLE.COM",
        "https://exa mple.com")) {
      assertThat(PlainText.withLinks(body)).as(body)
          .filteredOn(Run::link)
          .allSatisfy(run -> assertThat(run.text()).startsWith("https://").doesNotContain(" "));
    }
    assertThat(PlainText.withLinks("javascript:alert(1)")).containsExactly(text("javascript:alert(1)"));
    assertThat(PlainText.withLinks("xhttps://example.com")).containsExactly(text("xhttps://example.com"));
    assertThat(PlainText.withLinks("https://")).containsExactly(text("https://"));
    assertThat(PlainText.withLinks("HTTPS://EXAMPLE.COM")).containsExactly(text("HTTPS://EXAMPLE.COM"));
  }

  @Test
  void markupAndQuotesEndTheUrlSoTheyStayText() {
    assertThat(PlainText.withLinks("https://example.com/\"onmouseover=\"alert(1)"))
        .containsExactly(link("https://example.com/"), text("\"onmouseover=\"alert(1)"));
    assertThat(PlainText.withLinks("https://example.com/<script>alert(1)</script>"))
        .containsExactly(link("https://example.com/"), text("<script>alert(1)</script>"));
    assertThat(PlainText.withLinks("https://example.com/`x`"))
        .containsExactly(link("https://example.com/"), text("`x`"));
  }

  @Test
  void aUrlLongerThanTheLimitStaysText() {
    String longUrl = "https://example.com/" + "a".repeat(PlainText.MAX_LINK_LENGTH);
    assertThat(PlainText.withLinks(longUrl)).containsExactly(text(longUrl));
    String justFits = "https://example.com/" + "a".repeat(PlainText.MAX_LINK_LENGTH - 20);
    assertThat(PlainText.withLinks(justFits)).containsExactly(link(justFits));
  }

  @Test
  void theRunsAlwaysJoinToTheTextAndNeverHoldAnEmptyRun() {
    for (String body : List.of(
        "", "plain", "https://a.example", "https://a.example https://b.example",
        "\u202Ehttps://evil.example/\u202C reversed", "a\tb\r\nhttps://c.example/d).",
        "https://x.example/" + "\u0645\u0631\u062D\u0628\u0627", "https://https://x.example")) {
      List<Run> runs = PlainText.withLinks(body);
      assertThat(joined(runs)).as(body).isEqualTo(body);
      assertThat(runs).as(body).noneMatch(run -> run.text().isEmpty());
    }
    assertThat(PlainText.withLinks("")).isEmpty();
  }
}
