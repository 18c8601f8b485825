package dev.trafficstatus.notify.webhook;

/** JSON string literals, for the few messages this plugin writes by hand (no JSON library). */
final class JsonText {

  private JsonText() {}

  /**
   * A text as a JSON string literal, quotes included: quotes, backslashes and every control
   * character escaped (RFC 8259), and U+2028/U+2029, which some JavaScript parsers take as line
   * ends.
   *
   * @param text the text
   * @return the literal
   */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7F || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * A text cut to at most {@code max} UTF-16 units, the stricter of the ways services count
   * characters, with an ellipsis where it was cut; a cut never splits a surrogate pair.
   *
   * @param text the text
   * @param max the most units kept, at least 2
   * @return the text, or its start and "…"
   */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
