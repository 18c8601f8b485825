package dev.trafficstatus.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which Accept-Encoding headers get the page gzipped (RFC 9110, section 12.5.3). */
class AcceptsGzipTest {

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "NULL | false",
        "'' | false",
        "gzip | true",
        "GZIP | true",
        "x-gzip | true",
        "gzip, deflate, br | true",
        "br;q=1.0, gzip;q=0.8 | true",
        "gzip;q=0 | false",
        "gzip; q=0.0 | false",
        "identity | false",
        "deflate, br | false",
        "* | true",
        "*;q=0 | false",
        "gzip;q=0, * | false",
        "*;q=0, gzip | true",
        "gzip;q=nonsense | false",
        "gzipped | false",
      })
  void gzipIsSentOnlyWhenTheClientAcceptsIt(String header, boolean gzip) {
    assertThat(PageHeaders.acceptsGzip(header)).isEqualTo(gzip);
  }
}
