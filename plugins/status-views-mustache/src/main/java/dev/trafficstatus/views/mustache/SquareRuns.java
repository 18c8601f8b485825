package dev.trafficstatus.views.mustache;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.page.DayStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A card's row of day squares, the run of its closed days kept as one string: a render first
 * compares the route's days with those of the run it wrote last for the same window and language
 * (the core hands the same day objects while their figures are the same), and writes the run again,
 * square by square through {@link SquareMarkup}, only when one differs. So an unchanged row costs
 * a comparison per day instead of a look-up per square; today's square is looked up on its own.
 * Thread-safe; a race costs a run written twice.
 */
final class SquareRuns {

  /** Runs kept at most before all are dropped: routes × windows × languages, with room to spare. */
  private static final int MAX_RUNS = 20_000;

  private record RunKey(RouteKey route, int days, Words words) {}

  /** What a run was written from, compared by identity (strings by value), and its markup. */
  private record Run(DayStatus[] days, String[] extras, long minimum, String markup) {

    boolean shows(DayStatus[] others, String[] otherExtras, long otherMinimum) {
      if (minimum != otherMinimum || days.length != others.length) {
        return false;
      }
      for (int i = 0; i < days.length; i++) {
        if (days[i] != others[i] || !extras[i].equals(otherExtras[i])) {
          return false;
        }
      }
      return true;
    }
  }

  private final SquareMarkup squares;

  private final ConcurrentHashMap<RunKey, Run> runs = new ConcurrentHashMap<>();

  /**
   * @param squares where each square's markup is kept
   */
  SquareRuns(SquareMarkup squares) {
    this.squares = Objects.requireNonNull(squares, "squares");
  }

  /**
   * The markup of a route's day squares, oldest first.
   *
   * @param route the route
   * @param days its days, oldest first
   * @param today the window's last day
   * @param minimum the minimum request count for a verdict
   * @param words the page's language
   * @param notices the notices by square
   * @param deploys the deploys by square
   * @return the squares' {@code <li>}s
   */
  String row(RouteKey route, List<DayStatus> days, LocalDate today, long minimum, Words words,
      DayNotices notices, DeployTips deploys) {
    int closed = !days.isEmpty() && days.get(days.size() - 1).day().equals(today)
        ? days.size() - 1 : days.size();
    DayStatus[] past = new DayStatus[closed];
    String[] noticesOf = new String[closed];
    String[] deploysOf = new String[closed];
    String[] extras = new String[closed];
    for (int i = 0; i < closed; i++) {
      DayStatus day = days.get(i);
      past[i] = day;
      noticesOf[i] = notices.suffix(route, day.day());
      deploysOf[i] = deploys.suffix(route.service(), day.day());
      extras[i] = noticesOf[i].isEmpty() && deploysOf[i].isEmpty() ? "" : noticesOf[i] + "\\n" + deploysOf[i];
    }
    RunKey key = new RunKey(route, days.size(), words);
    Run run = runs.get(key);
    String markup;
    if (run != null && run.shows(past, extras, minimum)) {
      markup = run.markup();
    } else {
      StringBuilder written = new StringBuilder(closed * 256);
      for (int i = 0; i < closed; i++) {
        written.append(squares.day(
            new SquareMarkup.Key(past[i], false, minimum, words, noticesOf[i], deploysOf[i])));
      }
      markup = written.toString();
      if (runs.size() >= MAX_RUNS) {
        runs.clear();
      }
      runs.put(key, new Run(past, extras, minimum, markup));
    }
    if (closed == days.size()) {
      return markup;
    }
    DayStatus last = days.get(closed);
    return markup + squares.day(new SquareMarkup.Key(last, true, minimum, words,
        notices.suffix(route, last.day()), deploys.suffix(route.service(), last.day())));
  }
}
