package dev.trafficstatus.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonStringsTest {

  @Test
  void plainTextIsOnlyQuoted() {
    assertThat(JsonStrings.quote("GET /users/{id}")).isEqualTo("\"GET /users/{id}\"");
    assertThat(JsonStrings.quote("")).isEqualTo("\"\"");
  }

  @Test
  void quotesBackslashesAndControlCharactersAreEscaped() {
    assertThat(JsonStrings.quote("say \"hi\" \\ bye")).isEqualTo("\"say \\\"hi\\\" \\\\ bye\"");
    assertThat(JsonStrings.quote("a\nb\tc\u0000")).isEqualTo("\"a\\u000ab\\u0009c\\u0000\"");
  }

  @Test
  void javascriptLineEndsAreEscapedAndOtherTextIsKept() {
    assertThat(JsonStrings.quote("x\u2028y\u2029z")).isEqualTo("\"x\\u2028y\\u2029z\"");
    assertThat(JsonStrings.quote("Zürich </script> 東京")).isEqualTo("\"Zürich </script> 東京\"");
  }
}
