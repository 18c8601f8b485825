package dev.trafficstatus.spi.page;

import java.time.YearMonth;
import java.util.Objects;

/**
 * Where the host serves the page, so a renderer can link to itself, to its assets and to the
 * pages the host serves beside it (a notice's page, the history, the feeds), all under the page's
 * path.
 *
 * @param page the absolute path of the page, such as {@code /status}
 * @param assets the absolute path under which {@link PageRenderer#asset} names are served, ending
 *     with {@code /}, such as {@code /status/assets/}
 * @param subscribable whether the host takes subscribers to incident mail: a renderer then links
 *     to {@link #subscribe()}, where the host serves {@link PageRenderer#renderSubscribe}'s form
 */
public record PageLinks(String page, String assets, boolean subscribable) {

  /**
   * Links of a host that takes no subscribers.
   *
   * @param page the absolute path of the page
   * @param assets the absolute path of its assets, ending with {@code /}
   */
  public PageLinks(String page, String assets) {
    this(page, assets, false);
  }

  /** Checks both paths are absolute. */
  public PageLinks {
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(assets, "assets");
    if (!page.startsWith("/") || !assets.startsWith("/") || !assets.endsWith("/")) {
      throw new IllegalArgumentException("page and assets must be absolute paths: " + page + ", " + assets);
    }
  }

  /**
   * The page of one incident or maintenance ({@link PageRenderer#renderNotice}).
   *
   * @param id the notice's id, 12 lower-case letters and digits
   * @return such as {@code /status/incidents/0a1b2c3d4e5f}
   */
  public String notice(String id) {
    return base() + "/incidents/" + Objects.requireNonNull(id, "id");
  }

  /**
   * The history page of the current month ({@link PageRenderer#renderHistory}).
   *
   * @return such as {@code /status/history}
   */
  public String history() {
    return base() + "/history";
  }

  /**
   * The history page of a month.
   *
   * @param month the month, in the page's time zone
   * @return such as {@code /status/history?month=2025-06}
   */
  public String history(YearMonth month) {
    return history() + "?month=" + Objects.requireNonNull(month, "month");
  }

  /**
   * The Atom feed of incidents and maintenances and their updates.
   *
   * @return such as {@code /status/history.atom}
   */
  public String atomFeed() {
    return base() + "/history.atom";
  }

  /**
   * The same feed as RSS 2.0.
   *
   * @return such as {@code /status/history.rss}
   */
  public String rssFeed() {
    return base() + "/history.rss";
  }

  /**
   * The subscribe page, when {@link #subscribable()}: a GET shows {@link
   * PageRenderer#renderSubscribe}'s form, which posts to the same address (an {@code email} field,
   * no script needed); the host answers the POST with a page of its own.
   *
   * @return such as {@code /status/subscribe}
   */
  public String subscribe() {
    return base() + "/subscribe";
  }

  /**
   * The objectives page ({@link PageRenderer#renderObjectives}).
   *
   * @return such as {@code /status/objectives}
   */
  public String objectives() {
    return base() + "/objectives";
  }

  /**
   * The objectives page in an order.
   *
   * @param order the order
   * @return such as {@code /status/objectives?sort=remaining}
   */
  public String objectives(ObjectiveOrder order) {
    return objectives() + "?sort=" + order.wireName();
  }

  private String base() {
    return page.endsWith("/") ? page.substring(0, page.length() - 1) : page;
  }
}
