package dev.trafficstatus.server.statuspage;

import dev.trafficstatus.core.notice.NoticeIds;
import dev.trafficstatus.spi.RouteKey;

/**
 * The ids of the page, its routes and its groups in the Statuspage API: 12 lower-case base-36
 * characters derived from what names them (the service, the route key, the group's name), so
 * every process and every restart gives the same ids without storing them.
 */
public final class StatuspageIds {

  private StatuspageIds() {}

  /**
   * The page's id.
   *
   * @param service the service the page belongs to
   * @return the id
   */
  public static String page(String service) {
    return NoticeIds.derived("page\u0000" + service);
  }

  /**
   * A route's component id.
   *
   * @param route the route
   * @return the id
   */
  public static String route(RouteKey route) {
    return NoticeIds.derived("route\u0000" + route.service() + "\u0000" + route.rule());
  }

  /**
   * A group's component id.
   *
   * @param name the group's heading
   * @return the id
   */
  public static String group(String name) {
    return NoticeIds.derived("group\u0000" + name);
  }

  /**
   * A route's slug, as badges and the incident API name it: {@code <service>-<rule>} as {@link
   * #slug(String)} writes it, such as {@code shop-items-id} for {@code /items/{id}} of {@code shop}.
   *
   * @param route the route
   * @return the slug
   */
  public static String routeSlug(RouteKey route) {
    return slug(route.service() + "-" + route.rule());
  }

  /**
   * A text as a slug: lower-case ASCII letters and digits, every other run of characters one dash,
   * no dash at either end.
   *
   * @param text the text
   * @return the slug; {@code x} when nothing is left
   */
  public static String slug(String text) {
    StringBuilder slug = new StringBuilder(text.length());
    boolean dash = false;
    for (char c : text.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (dash && slug.length() > 0) {
          slug.append('-');
        }
        slug.append(c);
        dash = false;
      } else {
        dash = true;
      }
    }
    return slug.length() == 0 ? "x" : slug.toString();
  }
}
