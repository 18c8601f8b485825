package dev.trafficstatus.core.notify;

import java.util.Locale;

/** JSON string literals, for the outbox payloads core writes by hand (core has no JSON library). */
public final class JsonStrings {

  private JsonStrings() {}

  /**
   * A text as a JSON string literal, quotes included: quotes, backslashes and control characters
   * escaped, and U+2028/U+2029, which some JavaScript parsers take as line ends. Only the escapes
   * {@code \"}, {@code \\} and {@code \}{@code uXXXX}: {@link RouteChangePayload} reads back what
   * it writes with no others.
   *
   * @param text the text
   * @return the literal
   */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
