package dev.trafficstatus.core.classify;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An inclusive range of HTTP status codes, written as users write it in configuration: a code
 * ({@code 404}), a class ({@code 5xx}) or a range ({@code 500-504}).
 *
 * @param first the first code, from 100
 * @param last the last code, up to 599
 */
public record StatusRange(int first, int last) {

  private static final Pattern SYNTAX =
      Pattern.compile("(?<class>[1-5])xx|(?<first>[1-5]\\d\\d)(?:-(?<last>[1-5]\\d\\d))?");

  /** Checks the range lies within 100..599 and is not reversed. */
  public StatusRange {
    if (first < 100 || last > 599 || first > last) {
      throw new IllegalArgumentException(
          "status range must lie within 100-599 and not be reversed: " + first + "-" + last);
    }
  }

  /**
   * Reads {@code 404}, {@code 5xx} or {@code 500-504}.
   *
   * @param text the range as written
   * @return the range
   * @throws IllegalArgumentException with the accepted forms when the text is none of them
   */
  public static StatusRange parse(String text) {
    Matcher m = SYNTAX.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a status code or range: '" + text + "' (write 404, 5xx or 500-504)");
    }
    if (m.group("class") != null) {
      int hundreds = Integer.parseInt(m.group("class")) * 100;
      return new StatusRange(hundreds, hundreds + 99);
    }
    int first = Integer.parseInt(m.group("first"));
    int last = m.group("last") == null ? first : Integer.parseInt(m.group("last"));
    if (last < first) {
      throw new IllegalArgumentException(
          "status range '" + text + "' ends before it starts (write 404, 5xx or 500-504)");
    }
    return new StatusRange(first, last);
  }

  @Override
  public String toString() {
    if (first == last) {
      return Integer.toString(first);
    }
    if (first % 100 == 0 && last == first + 99) {
      return (first / 100) + "xx";
    }
    return first + "-" + last;
  }
}
