package dev.trafficstatus.views.mustache;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the template shows, with every text already worded and every state already a CSS token,
 * so the template holds no logic beyond sections and the renderer does no lookups per square.
 *
 * <p>All strings are plain text; the template escapes them when it writes them.
 *
 * @param title the page title
 * @param headline the headline text
 * @param state the overall state's CSS token
 * @param refreshSeconds how often the page reloads itself, in seconds
 * @param updatedIso when the figures were read, ISO-8601 in UTC, for {@code <time datetime>}
 * @param updatedText the same moment in the configured zone, for people
 * @param staleText why the figures are old, such as "Figures as of 14:02 UTC: the status database
 *     is unreachable"; empty when they are current
 * @param stale whether {@code staleText} is shown
 * @param incomplete one sentence per service some of whose instances stopped reporting, such as
 *     "shop: figures incomplete: 2 of 12 instances have not reported for 5 minutes"; counts only
 * @param windowText the window in words, such as "the last 90 days"
 * @param density {@code normal}, or {@code dense} when a row has too many squares for spacing
 *     (no window does since long windows are drawn by weeks); a CSS class suffix of every row
 * @param windows links to the offered windows
 * @param groups the cards, grouped
 * @param legend what each color means
 * @param legendNote how to read the squares
 * @param styleHref the style sheet's address
 * @param scriptHref the script's address
 * @param iconHref the favicon's address
 * @param notices the incidents and maintenances, in their sections
 * @param objectivesLink the link to the objectives page; null without objectives
 * @param firstFigures whether a new server has no figures yet and says when it will
 * @param firstFiguresText such as "First figures at 09:47 UTC, after the first flush"; empty when
 *     there are figures
 */
record PageView(
    String title,
    String headline,
    String state,
    long refreshSeconds,
    String updatedIso,
    String updatedText,
    String staleText,
    boolean stale,
    List<String> incomplete,
    String windowText,
    String density,
    List<WindowLink> windows,
    List<Group> groups,
    List<LegendEntry> legend,
    String legendNote,
    String styleHref,
    String scriptHref,
    String iconHref,
    NoticeSections notices,
    ObjectivesLink objectivesLink,
    boolean firstFigures,
    String firstFiguresText) {

  PageView {
    Objects.requireNonNull(firstFiguresText, "firstFiguresText");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(headline, "headline");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(updatedIso, "updatedIso");
    Objects.requireNonNull(updatedText, "updatedText");
    Objects.requireNonNull(staleText, "staleText");
    Objects.requireNonNull(windowText, "windowText");
    Objects.requireNonNull(density, "density");
    incomplete = List.copyOf(incomplete);
    windows = List.copyOf(windows);
    groups = List.copyOf(groups);
    legend = List.copyOf(legend);
    Objects.requireNonNull(legendNote, "legendNote");
    Objects.requireNonNull(styleHref, "styleHref");
    Objects.requireNonNull(scriptHref, "scriptHref");
    Objects.requireNonNull(iconHref, "iconHref");
    Objects.requireNonNull(notices, "notices");
  }

  /**
   * Whether the page shows a route, so the subscribe form offers its route picker.
   *
   * @return true when a group holds a card
   */
  public boolean hasRoutes() {
    return groups.stream().anyMatch(group -> !group.routes().isEmpty());
  }

  /**
   * One link of the window switcher.
   *
   * @param label such as "90 days"
   * @param href the page with {@code ?days=N}
   * @param current whether the page shows this window now
   * @param separated whether a separator goes before it (all but the first)
   */
  record WindowLink(String label, String href, boolean current, boolean separated) {

    WindowLink {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(href, "href");
    }
  }

  /**
   * A heading and its cards.
   *
   * @param id the heading's element id, derived from its position, never from data
   * @param name the heading
   * @param routes the cards
   */
  record Group(String id, String name, List<Card> routes) {

    Group {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      routes = List.copyOf(routes);
    }
  }

  /**
   * The link to the objectives page, least budget left first; null without objectives.
   *
   * @param href the page sorted by remaining budget
   * @param text the link's words
   */
  record ObjectivesLink(String href, String text) {

    ObjectivesLink {
      Objects.requireNonNull(href, "href");
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * One route's card.
   *
   * @param name the display name
   * @param rule the route template
   * @param doc the description, empty when none
   * @param hasDoc whether there is a description
   * @param state the current state's CSS token
   * @param stateLabel the current state in words
   * @param uptimeText such as "99.95 % uptime in the last 90 days"
   * @param totals requests, failures and latency over the window, in words
   * @param firstDay the oldest square's date, under the row's left end
   * @param lastDay the newest square's label, under the row's right end
   * @param daysLabel the accessible name of the row of squares
   * @param squares the squares' markup, oldest first, as the built-in card writes them ({@code
   *     {{{squares}}}}): kept between renders per square (see {@link SquareMarkup})
   * @param days the squares, oldest first, for an owner's card that writes them itself; worded
   *     only when a template reads them
   * @param objectives the objectives covering the route, in the configured order
   */
  record Card(
      String name,
      String rule,
      String doc,
      boolean hasDoc,
      String state,
      String stateLabel,
      String uptimeText,
      String totals,
      String firstDay,
      String lastDay,
      String daysLabel,
      String squares,
      DeferredSquares days,
      List<ObjectiveView> objectives) {

    Card {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(doc, "doc");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(stateLabel, "stateLabel");
      Objects.requireNonNull(uptimeText, "uptimeText");
      Objects.requireNonNull(totals, "totals");
      Objects.requireNonNull(firstDay, "firstDay");
      Objects.requireNonNull(lastDay, "lastDay");
      Objects.requireNonNull(daysLabel, "daysLabel");
      Objects.requireNonNull(squares, "squares");
      Objects.requireNonNull(days, "days");
      objectives = List.copyOf(objectives);
    }
  }

  /**
   * A card's squares, worded on the first read: the built-in card writes {@link Card#squares()}
   * instead, so a render pays for them only when an owner's template iterates them. Thread-safe.
   */
  static final class DeferredSquares implements Iterable<Square> {

    private final Supplier<List<Square>> words;

    private volatile List<Square> squares;

    /**
     * @param words words the squares, once
     */
    DeferredSquares(Supplier<List<Square>> words) {
      this.words = Objects.requireNonNull(words, "words");
    }

    /**
     * The squares, oldest first.
     *
     * @return them, worded on the first call
     */
    List<Square> list() {
      List<Square> worded = squares;
      if (worded == null) {
        worded = List.copyOf(words.get());
        squares = worded;
      }
      return worded;
    }

    @Override
    public Iterator<Square> iterator() {
      return list().iterator();
    }
  }

  /**
   * One square, a day's (a week's in long windows).
   *
   * @param state the day's CSS token
   * @param tip the day in words; the square's {@code title}, which is also its accessible name
   * @param deployed whether a new version was deployed that day (the tip names it)
   */
  record Square(String state, String tip, boolean deployed) {

    Square {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(tip, "tip");
    }
  }

  /**
   * One line of the legend.
   *
   * @param state the CSS token of the swatch
   * @param label the state's name
   * @param meaning what it means
   */
  record LegendEntry(String state, String label, String meaning) {

    LegendEntry {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(meaning, "meaning");
    }
  }
}
