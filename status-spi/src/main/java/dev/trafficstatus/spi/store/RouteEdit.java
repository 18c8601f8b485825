package dev.trafficstatus.spi.store;

import dev.trafficstatus.spi.PlainText;

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
      PlainText.checkLine("name", name, MAX_NAME_LENGTH);
    }
    if (doc != null) {
      PlainText.checkBlock("doc", doc, MAX_DOC_LENGTH);
    }
  }
}
