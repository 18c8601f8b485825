package dev.trafficstatus.spi.store;

/**
 * An edit of a route through the API; a null field is left as it is.
 *
 * <p>Names and docs are plain text: the page escapes whatever it shows, so markup is kept as typed,
 * never interpreted. The limits here are the same for every store and for the API, which reports
 * this record's messages to its clients as they are: they say what is wrong without repeating the
 * text. Lengths count Unicode code points, so an emoji counts as one character; stores keep at least
 * twice these lengths in UTF-16 units.
 *
 * @param name the new display name, or null: one line of at most {@value #MAX_NAME_LENGTH}
 *     characters, not blank, without control characters
 * @param doc the new description, or null: at most {@value #MAX_DOC_LENGTH} characters, empty
 *     allowed; tabs and line breaks (CR, LF) are its only control characters
 */
public record RouteEdit(String name, String doc) {

  /** The longest name, in characters (Unicode code points). */
  public static final int MAX_NAME_LENGTH = 200;

  /** The longest doc, in characters (Unicode code points). */
  public static final int MAX_DOC_LENGTH = 2_000;

  /**
   * Checks the given values against the limits.
   *
   * @throws IllegalArgumentException when a value is too long, blank (name), not valid Unicode, or
   *     holds a control character it may not; the message names the field and the rule
   */
  public RouteEdit {
    if (name != null) {
      if (name.isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
      checkText("name", name, MAX_NAME_LENGTH, false);
    }
    if (doc != null) {
      checkText("doc", doc, MAX_DOC_LENGTH, true);
    }
  }

  private static void checkText(String field, String text, int maxLength, boolean multiLine) {
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
