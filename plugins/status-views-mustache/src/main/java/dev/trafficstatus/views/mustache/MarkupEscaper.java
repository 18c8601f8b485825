package dev.trafficstatus.views.mustache;

import java.io.IOException;
import java.io.Writer;

/**
 * Escapes text for HTML element content and quoted attribute values, keeping the page
 * well-formed XML as well.
 *
 * <p>Our own rather than mustache.java's: its 0.9.14 escaper writes control characters as
 * references such as {@code &#0;}, which XML forbids, and passes lone surrogates through; and
 * newer versions keep anything that looks like an entity ({@code &amp;}, {@code &nbsp;}) as it
 * is, so a route named {@code Tom &amp; Jerry} would show as "Tom & Jerry". This one escapes
 * every {@code &}, so what users typed is what they see, and replaces characters that XML forbids
 * (C0 and C1 controls, lone surrogates, U+FFFE and U+FFFF) with U+FFFD.
 */
final class MarkupEscaper {

  private static final char REPLACEMENT = '\uFFFD';

  /** ASCII characters that need more than copying: markup, line breaks, controls. */
  private static final boolean[] SPECIAL_ASCII = new boolean[0x80];

  static {
    for (char c = 0; c < 0x20; c++) {
      SPECIAL_ASCII[c] = true;
    }
    for (char c : new char[] {'&', '<', '>', '"', '\'', 0x7F}) {
      SPECIAL_ASCII[c] = true;
    }
  }

  private MarkupEscaper() {}

  /**
   * Writes {@code value} escaped.
   *
   * @param value the text
   * @param out where to write
   * @throws IOException when writing fails
   */
  static void escape(String value, Writer out) throws IOException {
    int length = value.length();
    int clean = 0;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      // Nearly every character of a page is plain; check those with one look-up.
      if (c < 0x80 ? !SPECIAL_ASCII[c] : c >= 0xA0 && c < 0xD800) {
        continue;
      }
      String replacement = replacement(value, i, c);
      if (replacement != null) {
        out.write(value, clean, i - clean);
        out.write(replacement);
        clean = i + 1;
      } else if (Character.isHighSurrogate(c) && i + 1 < length
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      }
    }
    out.write(value, clean, length - clean);
  }

  private static String replacement(String value, int i, char c) {
    switch (c) {
      case '&':
        return "&amp;";
      case '<':
        return "&lt;";
      case '>':
        return "&gt;";
      case '"':
        return "&quot;";
      case '\'':
        return "&#39;";
      // Character references survive attribute-value normalisation in XML and HTML alike.
      case '\n':
        return "&#10;";
      case '\r':
        return "&#13;";
      case '\t':
        return "&#9;";
      default:
        break;
    }
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\uFFFE' || c == '\uFFFF') {
      return String.valueOf(REPLACEMENT);
    }
    if (Character.isLowSurrogate(c)) {
      // A low surrogate reached here has no high surrogate before it: the pair case skips it.
      return String.valueOf(REPLACEMENT);
    }
    if (Character.isHighSurrogate(c)
        && (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1)))) {
      return String.valueOf(REPLACEMENT);
    }
    return null;
  }
}
