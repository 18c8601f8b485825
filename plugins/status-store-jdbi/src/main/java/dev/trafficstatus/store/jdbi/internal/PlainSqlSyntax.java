package dev.trafficstatus.store.jdbi.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store's statement syntax: named parameters and defined attributes in SQL text, read by one
 * pass over the characters and turned into JDBC's positional {@code ?}.
 *
 * <ul>
 *   <li>{@code :name} is a named parameter (letters, digits and {@code _}, not starting with a
 *       digit); {@code ?} a positional one; {@code ::} (PostgreSQL's cast) is text.
 *   <li>{@code <name>} is replaced by the statement's attribute {@code name} ({@link Sql#define},
 *       {@link Sql#bindList}); an attribute that is not defined fails the statement. {@code <},
 *       {@code <=} and {@code <>} not followed by a name and {@code >} are text.
 *   <li>Nothing inside {@code '…'}, {@code "…"}, {@code -- …} to the end of the line, or {@code /*
 *       … *}{@code /} is a parameter or an attribute.
 *   <li>A backslash and {@code ??} are refused: other tools read them as escapes, and the store's
 *       statements need neither.
 * </ul>
 */
public final class PlainSqlSyntax {

  /**
   * A statement as JDBC takes it.
   *
   * @param jdbc the text, every parameter a {@code ?}
   * @param names the parameter of each {@code ?} in order: its name, or null for a positional one
   */
  public record Parsed(String jdbc, List<String> names) {}

  /** Parsed statements kept; the store has a few hundred distinct ones. */
  private static final int CACHE_LIMIT = 2_000;

  private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

  /** A reader with an empty cache of parsed statements; one per {@link Database}. */
  public PlainSqlSyntax() {}

  /**
   * Reads a statement's parameters (after its attributes are rendered).
   *
   * @param sql the statement
   * @return its JDBC text and parameter names
   * @throws SqlFailure for a backslash or {@code ??}
   */
  public Parsed parse(String sql) {
    Parsed known = parsed.get(sql);
    if (known != null) {
      return known;
    }
    if (sql.indexOf('\\') >= 0 || sql.contains("??")) {
      throw new SqlFailure("the store's statements use no backslash and no ??", null);
    }
    Parsed read = read(sql);
    if (parsed.size() >= CACHE_LIMIT) {
      parsed.clear();
    }
    parsed.put(sql, read);
    return read;
  }

  /**
   * Where the quoted text or comment that starts at {@code at} ends (the index after it), or
   * {@code at} when none starts there. An unclosed one runs to the end of the text.
   */
  private static int skipQuoted(String sql, int at) {
    char c = sql.charAt(at);
    if (c == '\'' || c == '"') {
      int end = sql.indexOf(c, at + 1);
      return end < 0 ? sql.length() : end + 1;
    }
    if (c == '-' && sql.startsWith("--", at)) {
      int end = sql.indexOf('\n', at);
      return end < 0 ? sql.length() : end + 1;
    }
    if (c == '/' && sql.startsWith("/*", at)) {
      int end = sql.indexOf("*/", at + 2);
      return end < 0 ? sql.length() : end + 2;
    }
    return at;
  }

  /** The end of the name that starts at {@code at}, or {@code at} when no name starts there. */
  private static int nameEnd(String sql, int at) {
    if (at >= sql.length() || !(Character.isLetter(sql.charAt(at)) || sql.charAt(at) == '_')) {
      return at;
    }
    int end = at + 1;
    while (end < sql.length()
        && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
      end++;
    }
    return end;
  }

  private static Parsed read(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    List<String> names = new ArrayList<>();
    int text = 0;
    int i = 0;
    while (i < sql.length()) {
      int skipped = skipQuoted(sql, i);
      if (skipped > i) {
        i = skipped;
        continue;
      }
      char c = sql.charAt(i);
      if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
        i += 2;
      } else if (c == ':' && nameEnd(sql, i + 1) > i + 1) {
        int end = nameEnd(sql, i + 1);
        out.append(sql, text, i).append('?');
        names.add(sql.substring(i + 1, end));
        text = i = end;
      } else if (c == '?') {
        out.append(sql, text, i).append('?');
        names.add(null);
        text = ++i;
      } else {
        i++;
      }
    }
    return new Parsed(out.append(sql, text, sql.length()).toString(), Collections.unmodifiableList(names));
  }

  /**
   * Replaces a statement's attributes by their values.
   *
   * @param template the statement
   * @param attributes the defined attributes
   * @return the statement to parse
   * @throws SqlFailure when the statement uses an attribute that is not defined
   */
  public static String render(String template, Map<String, Object> attributes) {
    if (template.indexOf('<') < 0) {
      return template;
    }
    StringBuilder out = new StringBuilder(template.length() + 32);
    int i = 0;
    while (i < template.length()) {
      int skipped = skipQuoted(template, i);
      if (skipped > i) {
        out.append(template, i, skipped);
        i = skipped;
        continue;
      }
      char c = template.charAt(i);
      int end = c == '<' ? nameEnd(template, i + 1) : i;
      if (end > i + 1 && end < template.length() && template.charAt(end) == '>') {
        String name = template.substring(i + 1, end);
        Object value = attributes.get(name);
        if (value == null) {
          throw new SqlFailure(
              "the statement uses <" + name + "> and no attribute of that name is defined", null);
        }
        out.append(value);
        i = end + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
