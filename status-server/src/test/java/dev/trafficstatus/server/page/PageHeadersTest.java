package dev.trafficstatus.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** If-None-Match is read leniently (RFC 9110, section 13.1.2): a list of tags, weak or strong, or *. */
class PageHeadersTest {

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "NULL | false",
        "'' | false",
        "W/\"html-90-1\" | true",
        "\"html-90-1\" | true",
        "\"other\", W/\"html-90-1\" | true",
        "\"other\",W/\"html-90-1\" | true",
        "* | true",
        " * | true",
        "\"*\" | false",
        "*x | false",
        "\"other\" | false",
        "x | false",
        "\"x | false",
        "W/ | false",
        "W/\" | false",
        "\" | false",
        ", , , | false",
        "html-90-1 | true",
        "W/html-90-1 | true",
        "\"html-90-1 | true",
        "\"unclosed, W/\"html-90-1\" | false",
        "W/W/W/\"html-90-1\" | false",
      })
  void aConditionalRequestMatchesTheCurrentTagWhateverElseItHolds(String header, boolean matches) {
    assertThat(PageHeaders.noneMatchHas(header, "html-90-1")).isEqualTo(matches);
  }
}
