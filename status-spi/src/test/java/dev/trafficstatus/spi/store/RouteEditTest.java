package dev.trafficstatus.spi.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RouteEditTest {

  @Test
  void namesAndDocsUpToTheLimitsAreAcceptedAsPlainText() {
    String name = "<b>Ünïcødé</b> 'quoted' \"; DROP TABLE status_routes; --".repeat(4).substring(0, 200);
    String doc = "line one\nline two\r\n\ttabbed ✓ 😀".repeat(60);

    RouteEdit edit = new RouteEdit(name, doc);

    assertThat(edit.name()).isEqualTo(name);
    assertThat(edit.doc()).isEqualTo(doc);
    assertThat(new RouteEdit(null, "")).isEqualTo(new RouteEdit(null, ""));
  }

  @Test
  void lengthsCountCharactersNotUtf16Units() {
    String emoji = "😀".repeat(RouteEdit.MAX_NAME_LENGTH);

    assertThat(new RouteEdit(emoji, null).name()).hasSize(2 * RouteEdit.MAX_NAME_LENGTH);
    assertThatThrownBy(() -> new RouteEdit(emoji + "😀", null))
        .hasMessage("name must be at most 200 characters, got 201");
  }

  @Test
  void overLongValuesAreRefusedWithTheLimit() {
    assertThatThrownBy(() -> new RouteEdit("n".repeat(201), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must be at most 200 characters, got 201");
    assertThatThrownBy(() -> new RouteEdit(null, "d".repeat(100_000)))
        .hasMessage("doc must be at most 2000 characters, got 100000");
  }

  @Test
  void blankNamesAreRefused() {
    assertThatThrownBy(() -> new RouteEdit("", null)).hasMessage("name must not be blank");
    assertThatThrownBy(() -> new RouteEdit(" \t ", null)).hasMessage("name must not be blank");
  }

  @Test
  void controlCharactersAreRefusedButDocsMayHoldTabsAndLineBreaks() {
    assertThatThrownBy(() -> new RouteEdit("two\nlines", null))
        .hasMessage("name must be one line without control characters: found U+000A at character 4");
    assertThatThrownBy(() -> new RouteEdit("nul\u0000", null))
        .hasMessageContaining("U+0000");
    assertThatThrownBy(() -> new RouteEdit(null, "bell\u0007"))
        .hasMessage(
            "doc may hold no control characters but tabs and line breaks: found U+0007 at character 5");
    assertThatThrownBy(() -> new RouteEdit(null, "c1 \u009b")).hasMessageContaining("U+009B");
  }

  @Test
  void unpairedSurrogatesAreRefused() {
    assertThatThrownBy(() -> new RouteEdit("broken \ud83d", null))
        .hasMessage("name must be valid Unicode text: it holds an unpaired surrogate at character 8");
    assertThatThrownBy(() -> new RouteEdit(null, "\ude00 first")).hasMessageContaining("surrogate");
  }
}
