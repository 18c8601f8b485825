package dev.trafficstatus.store.jdbi.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.SqlParser;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.jdbi.v3.core.statement.UnableToCreateStatementException;

/**
 * The store's SQL syntax for JDBI, read by a hand-written scanner instead of JDBI's defaults.
 *
 * <p>Why: JDBI's default parser and template engine ({@code ColonPrefixSqlParser}, {@code
 * DefinedAttributeTemplateEngine}) read every new statement with an ANTLR lexer, whose simulator
 * the JIT compiled at every start: about 200 methods, 0.13–0.22 s of compiler time (BENCHMARKS.md,
 * start-up). The store's statements are its own and use a small part of that syntax, which this
 * class reads with one pass over the characters.
 *
 * <p>The syntax, the same as JDBI's for everything the store writes (JDBI reads more: {@code \}
 * escapes, {@code ??}, {@code //} comments, dotted names; a statement with a backslash or {@code
 * ??} is refused here rather than read differently):
 *
 * <ul>
 *   <li>{@code :name} is a named parameter (letters, digits and {@code _}, not starting with a
 *       digit); {@code ?} a positional one; {@code ::} (PostgreSQL's cast) is text.
 *   <li>{@code <name>} is replaced by the statement's attribute {@code name} ({@code @Define},
 *       {@code @BindList}); an attribute that is not defined fails the statement, as in JDBI.
 *       {@code <}, {@code <=} and {@code <>} not followed by a name and {@code >} are text.
 *   <li>Nothing inside {@code '…'}, {@code "…"}, {@code -- …} to the end of the line, or {@code /*
 *       … *}{@code /} is a parameter or an attribute.
 * </ul>
 */
public final class PlainSqlSyntax {

  /** Parsed statements kept; the store has a few hundred distinct ones. */
  private static final int CACHE_LIMIT = 2_000;

  private PlainSqlSyntax() {}

  /** Makes {@code jdbi} read its statements with this syntax; returns it. */
  public static Jdbi install(Jdbi jdbi) {
    jdbi.getConfig(SqlStatements.class).setSqlParser(new Parser()).setTemplateEngine(new Templates());
    return jdbi;
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

  private static final class Parser implements SqlParser {
    private final Map<String, ParsedSql> parsed = new ConcurrentHashMap<>();

    @Override
    public ParsedSql parse(String sql, StatementContext ctx) {
      ParsedSql known = parsed.get(sql);
      if (known != null) {
        return known;
      }
      if (sql.indexOf('\\') >= 0 || sql.contains("??")) {
        throw new UnableToCreateStatementException(
            "the store's statements use no backslash and no ??, which JDBI's syntax reads otherwise",
            ctx);
      }
      ParsedSql read = read(sql);
      if (parsed.size() >= CACHE_LIMIT) {
        parsed.clear();
      }
      parsed.put(sql, read);
      return read;
    }

    @Override
    public String nameParameter(String rawName, StatementContext ctx) {
      return ":" + rawName;
    }

    static ParsedSql read(String sql) {
      ParsedSql.Builder out = ParsedSql.builder();
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
          out.append(sql.substring(text, i)).appendNamedParameter(sql.substring(i + 1, end));
          text = i = end;
        } else if (c == '?') {
          out.append(sql.substring(text, i)).appendPositionalParameter();
          text = ++i;
        } else {
          i++;
        }
      }
      return out.append(sql.substring(text)).build();
    }
  }

  private static final class Templates implements TemplateEngine {
    @Override
    public String render(String template, StatementContext ctx) {
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
          Object value = ctx.getAttribute(name);
          if (value == null) {
            throw new UnableToCreateStatementException(
                "the statement uses <" + name + "> and no attribute of that name is defined", ctx);
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
}
