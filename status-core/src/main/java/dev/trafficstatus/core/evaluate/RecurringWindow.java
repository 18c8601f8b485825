package dev.trafficstatus.core.evaluate;

import dev.trafficstatus.spi.PlainText;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.notice.NoticeUpdate;
import java.util.List;
import java.util.Objects;

/**
 * A maintenance window declared in configuration, announced by the evaluator ahead of each run.
 *
 * @param name the maintenance's title on the page; one line
 * @param routes the routes it affects; empty for every route
 * @param rule when it runs
 * @param body what people are told with each run; may be empty
 */
public record RecurringWindow(String name, List<RouteKey> routes, WindowRule rule, String body) {

  /** Checks the parts and copies the routes. */
  public RecurringWindow {
    Objects.requireNonNull(name, "name");
    PlainText.checkLine("name", name, Notice.MAX_NAME_LENGTH);
    routes = List.copyOf(routes);
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(body, "body");
    PlainText.checkBlock("body", body, NoticeUpdate.MAX_BODY_LENGTH);
  }
}
