package dev.trafficstatus.capture.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What a public page may show of a probe's URL. */
class ProbeUrlTest {

  private static String shown(String url) {
    return ProbeUrl.parse(url).shown();
  }

  @Test
  void aPlainUrlIsShownAsItIs() {
    assertThat(shown("https://example.com/health")).isEqualTo("https://example.com/health");
    assertThat(shown("https://status.example.com:8443/ping"))
        .isEqualTo("https://status.example.com:8443/ping");
  }

  @Test
  void anAddressOfTheInternalNetworkIsNeverShown() {
    for (String internal :
        new String[] {
          "http://localhost:8081/healthcheck",
          "http://app.localhost/",
          "http://127.0.0.1:8081/healthcheck",
          "http://10.1.2.3/",
          "http://172.16.0.9/",
          "http://192.168.1.20/admin",
          "http://169.254.169.254/latest/meta-data/",
          "http://[::1]:8081/",
          "http://[fd12:3456::1]/",
          "http://0.0.0.0:8081/",
          "http://reports-db:5432/",
        }) {
      assertThat(shown(internal)).as(internal).isEqualTo("An internal endpoint");
    }
    assertThat(shown("http://93.184.215.14/")).isEqualTo("http://93.184.215.14/");
    assertThat(shown("http://[2001:db8::1]/")).isEqualTo("http://[2001:db8::1]/");
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
