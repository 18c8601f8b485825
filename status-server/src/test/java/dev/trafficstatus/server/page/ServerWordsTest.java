package dev.trafficstatus.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The server's own words: both languages complete, English for a language it does not have. */
class ServerWordsTest {

  @Test
  void theSpanishBundleHasEveryKeyOfTheEnglishOne() throws IOException {
    assertThat(bundle("words_es.properties").stringPropertyNames())
        .isEqualTo(bundle("words.properties").stringPropertyNames());
  }

  @Test
  void aLanguageWithoutABundleReadsEnglishWhateverTheMachinesLocale() {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag("es"));
    try {
      ServerWords french = ServerWords.of(Locale.FRENCH);
      assertThat(french.lang()).isEqualTo("en");
      assertThat(french.format("back")).isEqualTo("Back to the status page");
      assertThat(ServerWords.of(Locale.forLanguageTag("es-MX")).format("back"))
          .isEqualTo("Volver a la página de estado");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void blanksAreFilledOnceSoAValueThatLooksLikeOneStaysAsItIs() {
    ServerWords english = ServerWords.of(Locale.ENGLISH);
    assertThat(english.format("feed_title", "{0} Shop {1}")).isEqualTo("{0} Shop {1}: incidents and maintenance");
    assertThat(english.counted(1, "second")).isEqualTo("1 second");
    assertThat(english.list(List.of("30", "90", "365"))).isEqualTo("30, 90 and 365");
    assertThat(ServerWords.of(Locale.forLanguageTag("es")).list(List.of("30", "90"))).isEqualTo("30 y 90");
  }

  private static Properties bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = ServerWords.class.getResourceAsStream(name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
