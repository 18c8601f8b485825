package dev.trafficstatus.spi;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rules for text people give the status page through its APIs (route names and docs, incident
 * names and update bodies): plain text, never markup, checked the same way by every store and API.
 * Pages escape whatever they show; these rules keep out what no escaping makes readable (control
 * characters, unpaired surrogates) and what no page should carry (unbounded lengths). Lengths count
 * Unicode code points, so an emoji counts as one character.
 */
public final class PlainText {

  /** The longest text made into a link, in characters; a longer URL stays text. */
  public static final int MAX_LINK_LENGTH = 2_000;

  private static final String LINK_START = "https://";

  /**
   * A piece of a text as pages show it: plain text, or a bare {@code https://} URL to make into a
   * link.
   *
   * @param text the piece, never empty
   * @param link whether it is a URL to link to (its text is also its address)
   */
  public record Run(String text, boolean link) {

    /** Checks the text is present. */
    public Run {
      Objects.requireNonNull(text, "text");
      if (text.isEmpty()) {
        throw new IllegalArgumentException("a run is never empty");
      }
    }
  }

  private PlainText() {}

  /**
   * Splits a text into plain runs and the bare {@code https://} URLs in it, the one formatting
   * every page applies to bodies: renderers escape every run and make links of the link runs
   * only, so {@code javascript:}, {@code data:} or {@code http://} never become links. A URL
   * starts with {@code https://} that is not glued to a word before it (it starts the text or
   * follows a character other than a letter or digit), runs to white space or one of {@code < > " ` \}, and
   * leaves out trailing punctuation ({@code . , ; : ! ?} and quotes) and a closing bracket it
   * did not open, as in "(see https://example.com/x)." A URL without a host, or longer than
   * {@value #MAX_LINK_LENGTH} characters, stays text.
   *
   * @param text the text; never null
   * @return the runs in order; joined, their texts are the text; empty for an empty text
   */
  public static List<Run> withLinks(String text) {
    Objects.requireNonNull(text, "text");
    List<Run> runs = new ArrayList<>();
    int plainFrom = 0;
    int from = 0;
    while (true) {
      int start = text.indexOf(LINK_START, from);
      if (start < 0) {
        break;
      }
      int end = linkEnd(text, start);
      if (startsWord(text, start) || end - start > MAX_LINK_LENGTH || !hasHost(text, start, end)) {
        from = start + LINK_START.length();
        continue;
      }
      if (start > plainFrom) {
        runs.add(new Run(text.substring(plainFrom, start), false));
      }
      runs.add(new Run(text.substring(start, end), true));
      plainFrom = end;
      from = end;
    }
    if (plainFrom < text.length()) {
      runs.add(new Run(text.substring(plainFrom), false));
    }
    return runs;
  }

  /** Whether the URL at {@code start} is glued to a word before it, as in {@code xhttps://}. */
  private static boolean startsWord(String text, int start) {
    return start > 0 && Character.isLetterOrDigit(text.codePointBefore(start));
  }

  private static int linkEnd(String text, int start) {
    int end = start + LINK_START.length();
    while (end < text.length()) {
      char c = text.charAt(end);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)
          || "<>\"`\\".indexOf(c) >= 0) {
        break;
      }
      end++;
    }
    while (end > start + LINK_START.length()) {
      char last = text.charAt(end - 1);
      if (".,;:!?'*".indexOf(last) >= 0 || unopened(text, start, end, last)) {
        end--;
      } else {
        break;
      }
    }
    return end;
  }

  /** Whether {@code last} closes a bracket the URL before it did not open. */
  private static boolean unopened(String text, int start, int end, char last) {
    char open = switch (last) {
      case ')' -> '(';
      case ']' -> '[';
      case '}' -> '{';
      default -> 0;
    };
    if (open == 0) {
      return false;
    }
    int depth = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == open) {
        depth++;
      } else if (c == last) {
        depth--;
      }
    }
    return depth < 0;
  }

  private static boolean hasHost(String text, int start, int end) {
    try {
      URI uri = new URI(text.substring(start, end));
      return uri.getHost() != null && !uri.getHost().isEmpty();
    } catch (URISyntaxException notAUrl) {
      return false;
    }
  }

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
