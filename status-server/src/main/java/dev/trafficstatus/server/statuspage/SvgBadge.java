package dev.trafficstatus.server.statuspage;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A badge as SVG, in the shape shields.io draws ("flat", or "flat-square" without the rounded
 * corners and the gloss): a grey label and a coloured message, each as wide as its text in the
 * badge's font ({@link TextWidths}) plus padding. Accessible: {@code role="img"}, an {@code
 * aria-label} and a {@code <title>} saying "label: message"; the drawn text is hidden from
 * assistive technology so it is not read twice. Every text is escaped for XML, and characters XML
 * cannot hold or that would reorder the text (bidirectional overrides) are left out, so no name
 * makes an invalid or misleading document.
 */
final class SvgBadge {

  /** The two looks. */
  enum Style {
    /** Rounded corners and a light gloss: shields.io's default. */
    FLAT,
    /** Square corners, plain colours. */
    FLAT_SQUARE;

    /**
     * The style a query names.
     *
     * @param name {@code flat}, {@code flat-square}, or null for flat
     * @return the style, or null when the name is none of them
     */
    static Style named(String name) {
      if (name == null || name.isEmpty() || name.equals("flat")) {
        return FLAT;
      }
      return name.equals("flat-square") ? FLAT_SQUARE : null;
    }
  }

  /** Pixels of padding on each side of each text. */
  private static final int PADDING = 5;

  /** The badge's height in pixels. */
  static final int HEIGHT = 20;

  private final TextWidths widths;

  SvgBadge(TextWidths widths) {
    this.widths = widths;
  }

  /**
   * Draws a badge.
   *
   * @param label the left text
   * @param message the right text
   * @param color the message's background, such as {@code #4c1}
   * @param style the look
   * @return the SVG document, UTF-8
   */
  byte[] draw(String label, String message, String color, Style style) {
    String cleanLabel = clean(label);
    String cleanMessage = clean(message);
    int labelText = widths.of(cleanLabel);
    int messageText = widths.of(cleanMessage);
    int labelWidth = pixels(labelText) + 2 * PADDING;
    int messageWidth = pixels(messageText) + 2 * PADDING;
    int width = labelWidth + messageWidth;
    String title = escape(cleanLabel + ": " + cleanMessage);
    boolean flat = style == Style.FLAT;
    StringBuilder svg = new StringBuilder(1024);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
        .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(width).append(' ')
        .append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(title).append("\">")
        .append("<title>").append(title).append("</title>");
    if (flat) {
      svg.append("<linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\"")
          .append(" stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>")
          .append("<clipPath id=\"r\"><rect width=\"").append(width).append("\" height=\"")
          .append(HEIGHT).append("\" rx=\"3\" fill=\"#fff\"/></clipPath><g clip-path=\"url(#r)\">");
    } else {
      svg.append("<g shape-rendering=\"crispEdges\">");
    }
    svg.append("<rect width=\"").append(labelWidth).append("\" height=\"").append(HEIGHT)
        .append("\" fill=\"#555\"/><rect x=\"").append(labelWidth).append("\" width=\"")
        .append(messageWidth).append("\" height=\"").append(HEIGHT).append("\" fill=\"")
        .append(color).append("\"/>");
    if (flat) {
      svg.append("<rect width=\"").append(width).append("\" height=\"").append(HEIGHT)
          .append("\" fill=\"url(#s)\"/>");
    }
    svg.append("</g><g fill=\"#fff\" text-anchor=\"middle\" font-family=\"DejaVu Sans,Verdana,Geneva,")
        .append("sans-serif\" text-rendering=\"geometricPrecision\" font-size=\"110\" aria-hidden=\"true\">");
    text(svg, cleanLabel, labelText, labelWidth * 5, flat);
    text(svg, cleanMessage, messageText, labelWidth * 10 + messageWidth * 5, flat);
    svg.append("</g></svg>");
    return svg.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One text, centred at x (tenths of a pixel), fitted to its measured width, with its shadow. */
  private static void text(StringBuilder svg, String text, int length, int x, boolean shadow) {
    String escaped = escape(text);
    String fit = length > 0 ? " textLength=\"" + length + "\" lengthAdjust=\"spacingAndGlyphs\"" : "";
    if (shadow) {
      svg.append("<text x=\"").append(x).append("\" y=\"150\" fill=\"#010101\" fill-opacity=\".3\"")
          .append(" transform=\"scale(.1)\"").append(fit).append('>').append(escaped).append("</text>");
    }
    svg.append("<text x=\"").append(x).append("\" y=\"140\" transform=\"scale(.1)\"").append(fit)
        .append('>').append(escaped).append("</text>");
  }

  /** Whole pixels, rounded up, from tenths. */
  private static int pixels(int tenths) {
    return (tenths + 9) / 10;
  }

  /**
   * The text without what XML 1.0 cannot hold (control characters, unpaired surrogates,
   * U+FFFE and U+FFFF) and without bidirectional embeddings, overrides and isolates, with line
   * breaks and tabs as spaces: a badge is one line read left to right.
   */
  static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\t' || c == '\n' || c == '\r') {
        out.append(' ');
      } else if (Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE
          || c == 0xFFFE || c == 0xFFFF || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
        continue;
      } else {
        out.appendCodePoint(c);
      }
    }
    return out.toString();
  }

  /** Text as XML character data or attribute value. */
  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The hex colour of a shields.io colour name used by the badges.
   *
   * @param name such as {@code brightgreen}
   * @return such as {@code #4c1}
   */
  static String hex(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "brightgreen" -> "#4c1";
      case "green" -> "#97ca00";
      case "yellow" -> "#dfb317";
      case "orange" -> "#fe7d37";
      case "red" -> "#e05d44";
      case "blue" -> "#007ec6";
      default -> "#9f9f9f";
    };
  }
}
