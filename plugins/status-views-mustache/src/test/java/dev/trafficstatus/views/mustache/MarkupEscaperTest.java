package dev.trafficstatus.views.mustache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MarkupEscaperTest {

  private static String escaped(String value) throws IOException {
    StringWriter out = new StringWriter();
    MarkupEscaper.escape(value, out);
    return out.toString();
  }

  @Test
  void escapesTheFiveMarkupCharactersEverywhere() throws IOException {
    assertThat(escaped("<a href=\"x\" title='y'>&</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  }

  @Test
  void escapesAmpersandsThatAlreadyLookLikeEntities() throws IOException {
    assertThat(escaped("&amp; &nbsp; &#60; &#x3c;")).isEqualTo("&amp;amp; &amp;nbsp; &amp;#60; &amp;#x3c;");
  }

  @Test
  void keepsLineBreaksAndTabsAsCharacterReferences() throws IOException {
    assertThat(escaped("a\nb\rc\td")).isEqualTo("a&#10;b&#13;c&#9;d");
  }

  @Test
  void replacesWhatXmlForbidsAndKeepsValidSurrogatePairs() throws IOException {
    assertThat(escaped("\u0000\u001f\u007f\u009f\uFFFE\uFFFF")).isEqualTo("\uFFFD".repeat(6));
    assertThat(escaped("x\uD800y\uDC00z\uD800")).isEqualTo("x\uFFFDy\uFFFDz\uFFFD");
    assertThat(escaped("smile \uD83D\uDE00 µs · é")).isEqualTo("smile \uD83D\uDE00 µs · é");
  }

  @Test
  void writesPlainTextUnchanged() throws IOException {
    assertThat(escaped("")).isEmpty();
    assertThat(escaped("/orders/{id} 99.95 %")).isEqualTo("/orders/{id} 99.95 %");
  }
}
