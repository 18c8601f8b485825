package dev.trafficstatus.store.jdbi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactedUrlTest {

  @Test
  void masksPasswordsWhereverDriversAcceptThem() {
    assertThat(RedactedUrl.of("jdbc:postgresql://u:pw@h:5432/db?password=pw&ssl=true", null))
        .isEqualTo("jdbc:postgresql://u:***@h:5432/db?password=***&ssl=true");
    assertThat(RedactedUrl.of("jdbc:h2:./data/status;USER=sa;PASSWORD=pw;MODE=Regular", null))
        .isEqualTo("jdbc:h2:./data/status;USER=sa;PASSWORD=***;MODE=Regular");
    assertThat(RedactedUrl.of("jdbc:postgresql://h/db?options=-c%20x%3Dtop-secret-pw", "top-secret-pw"))
        .isEqualTo("jdbc:postgresql://h/db?options=-c%20x%3D***");
  }

  @Test
  void leavesUrlsWithoutSecretsAsTheyAre() {
    assertThat(RedactedUrl.of("jdbc:h2:./data/status", "")).isEqualTo("jdbc:h2:./data/status");
    assertThat(RedactedUrl.of("jdbc:postgresql://h:5432/db?ssl=true", "sa"))
        .isEqualTo("jdbc:postgresql://h:5432/db?ssl=true");
  }
}
