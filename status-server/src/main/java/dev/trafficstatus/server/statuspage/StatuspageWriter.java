package dev.trafficstatus.server.statuspage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Writes the Statuspage objects as JSON with a mapper of our own (a host app's ObjectMapper
 * settings never change the shape): record components in snake case, nulls written, and the
 * characters that matter to HTML and JavaScript ({@code < > & '} and the line separators U+2028,
 * U+2029) escaped as {@code \\uXXXX}, so a name such as {@code </script>} stays data even where
 * the JSON is pasted into a page.
 */
public final class StatuspageWriter {

  private static final ObjectWriter WRITER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .build()
          .writer()
          .with(new HtmlSafe());

  private StatuspageWriter() {}

  /**
   * The value as JSON bytes (UTF-8).
   *
   * @param value a record of {@link StatuspageJson}, or a list or map of them
   * @return the bytes
   */
  public static byte[] bytes(Object value) {
    try {
      return WRITER.writeValueAsBytes(value);
    } catch (JsonProcessingException bug) {
      throw new IllegalStateException("a Statuspage object could not be written as JSON", bug);
    }
  }

  /**
   * The value as JSON text.
   *
   * @param value a record of {@link StatuspageJson}
   * @return the text
   */
  public static String text(Object value) {
    try {
      return WRITER.writeValueAsString(value);
    } catch (JsonProcessingException bug) {
      throw new IllegalStateException("a Statuspage object could not be written as JSON", bug);
    }
  }

  /** Escapes HTML's and JavaScript's special characters besides JSON's own. */
  private static final class HtmlSafe extends CharacterEscapes {

    private static final long serialVersionUID = 1L;

    private final int[] escapes;

    HtmlSafe() {
      escapes = standardAsciiEscapesForJSON();
      for (char c : new char[] {'<', '>', '&', '\''}) {
        escapes[c] = CharacterEscapes.ESCAPE_STANDARD;
      }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch == 0x2028 || ch == 0x2029) {
        return new SerializedString(String.format("\\u%04x", ch));
      }
      return null;
    }
  }
}
