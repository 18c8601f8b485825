package dev.trafficstatus.spi;

/**
 * The rules for text people give the status page through its APIs (route names and docs, incident
 * names and update bodies): plain text, never markup, checked the same way by every store and API.
 * Pages escape whatever they show; these rules keep out what no escaping makes readable (control
 * characters, unpaired surrogates) and what no page should carry (unbounded lengths). Lengths count
 * Unicode code points, so an emoji counts as one character.
 */
public final class PlainText {

  private PlainText() {}

  /**
   * Checks a one-line text: not blank, no control characters, at most {@code max} characters.
   *
   * @param field the field's name, for the message
   * @param text the text
   * @param max the longest allowed, in code points
   * @throws IllegalArgumentException naming the field and the rule, never repeating the text
   */
  public static void checkLine(String field, String text, int max) {
    if (text.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    check(field, text, max, false);
  }

  /**
   * Checks a text of several lines: at most {@code max} characters, tabs and line breaks (CR, LF)
   * its only control characters; empty allowed.
   *
   * @param field the field's name, for the message
   * @param text the text
   * @param max the longest allowed, in code points
   * @throws IllegalArgumentException naming the field and the rule, never repeating the text
   */
  public static void checkBlock(String field, String text, int max) {
    check(field, text, max, true);
  }

  private static void check(String field, String text, int maxLength, boolean multiLine) {
    int length = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      length++;
      if (length > maxLength) {
        throw new IllegalArgumentException(
            field + " must be at most " + maxLength + " characters, got "
                + text.codePointCount(0, text.length()));
      }
      if (Character.getType(codePoint) == Character.SURROGATE) {
        throw new IllegalArgumentException(
            field + " must be valid Unicode text: it holds an unpaired surrogate at character "
                + length);
      }
      if (Character.isISOControl(codePoint) && !(multiLine && isTabOrLineBreak(codePoint))) {
        throw new IllegalArgumentException(
            field
                + (multiLine
                    ? " may hold no control characters but tabs and line breaks"
                    : " must be one line without control characters")
                + String.format(": found U+%04X at character %d", codePoint, length));
      }
      i += Character.charCount(codePoint);
    }
  }

  private static boolean isTabOrLineBreak(int codePoint) {
    return codePoint == '\t' || codePoint == '\n' || codePoint == '\r';
  }
}
