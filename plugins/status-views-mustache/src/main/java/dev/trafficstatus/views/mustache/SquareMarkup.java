package dev.trafficstatus.views.mustache;

import dev.trafficstatus.spi.page.DayStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A card's squares as the markup the built-in card writes ({@code {{{squares}}}}): one {@code <li>}
 * per square, its figures as its {@code title}, which is also its accessible name.
 *
 * <p>Wording and escaping a square's figures is most of what a render costs, and a day's square
 * changes only when something it shows changes: its figures (a late write, a rollup), the notices
 * or deploys it names, the minimum request count, the language, or whether it is today. The markup
 * of each square is kept under all of these, so a render writes again only the squares it has not
 * written before: today's, and a day whose figures moved. A route's name, a window's length and
 * the brand are never part of a square, so a rename or a removed route cannot be served stale.
 *
 * <p>Kept in two generations: a render looks in the young one, then the old one, and puts what it
 * uses in the young one; when the young one holds more than a generation's squares (at least
 * twice the largest page's) it becomes the old one. What no render used for a generation is
 * dropped, so at most two generations are held. Thread-safe: a race costs a square written twice,
 * never a wrong one.
 */
final class SquareMarkup {

  /**
   * Squares per generation at the least; a page of more squares makes it twice that page's
   * squares (a 100 × 90 page in two languages, or with a day's worth of today's squares written
   * anew), about 0.5 KB each with their keys: some 9 MB at most for that page.
   */
  static final int MIN_GENERATION = 4_096;

  /**
   * What a square shows: its key in the kept markup. Hash and equality are written out rather than
   * a record's: 9,000 look-ups per render, and the day's figures are usually the very object of
   * the last render (the core keeps them), which equality checks first.
   */
  static final class Key {

    private final DayStatus day;
    private final boolean today;
    private final long minimum;
    private final Words words;
    private final String notices;
    private final String deploys;
    private final int hash;

    /**
     * @param day the day's figures
     * @param today whether it is today's square ("so far")
     * @param minimum the minimum request count for a verdict
     * @param words the page's language
     * @param notices what the notices of its day add to its title; empty when none
     * @param deploys what the deploys of its day add to its title; empty when none
     */
    Key(DayStatus day, boolean today, long minimum, Words words, String notices, String deploys) {
      this.day = Objects.requireNonNull(day, "day");
      this.today = today;
      this.minimum = minimum;
      this.words = Objects.requireNonNull(words, "words");
      this.notices = Objects.requireNonNull(notices, "notices");
      this.deploys = Objects.requireNonNull(deploys, "deploys");
      long figures = day.day().toEpochDay() * 31 + day.requests();
      figures = figures * 31 + day.failures();
      figures = figures * 31 + day.ignored();
      figures = figures * 31 + day.maintenanceRequests();
      figures = figures * 31 + day.health().ordinal();
      int h = Long.hashCode(figures);
      h = h * 31 + (today ? 1 : 0);
      h = h * 31 + Long.hashCode(minimum);
      h = h * 31 + System.identityHashCode(words);
      h = h * 31 + notices.hashCode();
      this.hash = h * 31 + deploys.hashCode();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && hash == key.hash
          && today == key.today
          && minimum == key.minimum
          && words == key.words
          && (day == key.day || day.equals(key.day))
          && notices.equals(key.notices)
          && deploys.equals(key.deploys);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private final Object rotation = new Object();

  private volatile ConcurrentHashMap<Key, String> young = new ConcurrentHashMap<>();

  private volatile ConcurrentHashMap<Key, String> old = new ConcurrentHashMap<>();

  /** Grows with the largest page rendered, so one page's squares always fit a generation. */
  private volatile int generation = MIN_GENERATION;

  /**
   * Makes room for a page of this many squares.
   *
   * @param squares the squares of the page about to be rendered
   */
  void expect(int squares) {
    if (squares * 2 > generation) {
      generation = squares * 2;
    }
  }

  /**
   * The markup of one day's square, kept or written now.
   *
   * @param key what the square shows
   * @return its {@code <li>} and a line break
   */
  String day(Key key) {
    ConcurrentHashMap<Key, String> current = young;
    String markup = current.get(key);
    if (markup != null) {
      return markup;
    }
    markup = old.get(key);
    if (markup == null) {
      markup = square(PageViewBuilder.token(key.day.health()),
          SquareTips.day(key.day, key.today, key.minimum, key.words) + key.notices + key.deploys,
          !key.deploys.isEmpty());
    }
    current.put(key, markup);
    if (current.size() > generation) {
      rotate(current);
    }
    return markup;
  }

  private void rotate(ConcurrentHashMap<Key, String> full) {
    synchronized (rotation) {
      if (young == full) {
        old = full;
        young = new ConcurrentHashMap<>();
      }
    }
  }

  /**
   * The markup of one square, as the built-in card's template wrote it.
   *
   * @param state the square's CSS token
   * @param tip its figures in words: its title and accessible name
   * @param deployed whether it is marked as a deploy's day
   * @return its {@code <li>} and a line break
   */
  static String square(String state, String tip, boolean deployed) {
    StringBuilderWriter out = new StringBuilderWriter(tip.length() + 64);
    out.append("<li class=\"day state-").append(state);
    if (deployed) {
      out.append(" deployed");
    }
    out.append("\" title=\"");
    try {
      MarkupEscaper.escape(tip, out);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return out.append("\"></li>\n").toString();
  }

  /** A writer into a StringBuilder, without StringWriter's locking. */
  private static final class StringBuilderWriter extends Writer {

    private final StringBuilder text;

    StringBuilderWriter(int capacity) {
      this.text = new StringBuilder(capacity);
    }

    @Override
    public StringBuilderWriter append(CharSequence chars) {
      text.append(chars);
      return this;
    }

    @Override
    public void write(String chars, int offset, int length) {
      text.append(chars, offset, offset + length);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      text.append(chars, offset, length);
    }

    @Override
    public void flush() {
      // Nothing is buffered.
    }

    @Override
    public void close() {
      // Nothing to release.
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
