package dev.trafficstatus.capture.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What a public page may show of a probe's URL. */
class ProbeUrlTest {

  private static String shown(String url) {
    return ProbeUrl.parse(url).redacted();
  }

  @Test
  void aPlainUrlIsShownAsItIs() {
    assertThat(shown("https://example.com/health")).isEqualTo("https://example.com/health");
    assertThat(shown("http://localhost:8081/healthcheck")).isEqualTo("http://localhost:8081/healthcheck");
  }

  @Test
  void userInfoIsDropped() {
    assertThat(shown("https://admin:hunter22@example.com/")).isEqualTo("https://example.com/");
  }

  @Test
  void queryValuesAreMaskedAndTheirNamesKept() {
    assertThat(shown("https://example.com/api?token=abc&region=eu&flag"))
        .isEqualTo("https://example.com/api?token=***&region=***&***");
  }

  @Test
  void theFragmentIsDropped() {
    assertThat(shown("https://example.com/page#private-anchor")).isEqualTo("https://example.com/page");
  }

  @Test
  void onlyAbsoluteHttpUrlsWithAHostAreAccepted() {
    for (String notHttp : new String[] {"ftp://example.com/", "/relative", "mailto:ops@example.com", "https:///nohost"}) {
      assertThatThrownBy(() -> ProbeUrl.parse(notHttp))
          .as(notHttp)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("absolute http:// or https:// URL");
    }
  }
}
