package dev.trafficstatus.server.statuspage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * How wide text is in the badge's font, DejaVu Sans at 11 px, in tenths of a pixel: from a table
 * of the font's advance widths for U+0020 to U+024F (Latin), measured once from the font file and
 * shipped as a resource, so no server needs fonts or AWT. Other characters are estimated: wide
 * East Asian ones as a full em, combining marks and format characters as nothing, the rest as the
 * widest Latin letter's width, so a badge is never too narrow for its text by much (the SVG also
 * tells the renderer the width to fit the text into).
 */
final class TextWidths {

  private static final int FIRST = 0x20;
  private static final int EM = 110;

  private final int[] widths;
  private final int fallback;

  private TextWidths(int[] widths) {
    this.widths = widths;
    int widest = 0;
    for (char c = 'A'; c <= 'Z'; c++) {
      widest = Math.max(widest, widths[c - FIRST]);
    }
    this.fallback = widest;
  }

  /**
   * The table shipped with the server.
   *
   * @return the widths of DejaVu Sans at 11 px
   */
  static TextWidths dejaVuSans() {
    try (InputStream in = TextWidths.class.getResourceAsStream("dejavu-sans-110.csv")) {
      if (in == null) {
        throw new IllegalStateException("dejavu-sans-110.csv is missing from the class path");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int[] widths = new int[0x250 - FIRST];
      int at = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        for (String cell : line.split(",")) {
          widths[at++] = Integer.parseInt(cell.strip());
        }
      }
      if (at != widths.length) {
        throw new IllegalStateException("dejavu-sans-110.csv holds " + at + " widths, not " + widths.length);
      }
      return new TextWidths(widths);
    } catch (IOException unreadable) {
      throw new UncheckedIOException("reading dejavu-sans-110.csv", unreadable);
    }
  }

  /**
   * The width of a text on one line.
   *
   * @param text the text
   * @return its width in tenths of a pixel
   */
  int of(String text) {
    int total = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      total += width(c);
      i += Character.charCount(c);
    }
    return total;
  }

  private int width(int c) {
    if (c >= FIRST && c < FIRST + widths.length) {
      return widths[c - FIRST];
    }
    int type = Character.getType(c);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT || type == Character.CONTROL) {
      return 0;
    }
    return wide(c) ? EM : fallback;
  }

  /** East Asian wide and full-width blocks, and emoji: about an em each. */
  private static boolean wide(int c) {
    return (c >= 0x1100 && c <= 0x115F)
        || (c >= 0x2E80 && c <= 0xA4CF)
        || (c >= 0xAC00 && c <= 0xD7A3)
        || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0xFE30 && c <= 0xFE4F)
        || (c >= 0xFF00 && c <= 0xFF60)
        || (c >= 0xFFE0 && c <= 0xFFE6)
        || (c >= 0x1F300 && c <= 0x1FAFF)
        || (c >= 0x20000 && c <= 0x3FFFD);
  }
}
