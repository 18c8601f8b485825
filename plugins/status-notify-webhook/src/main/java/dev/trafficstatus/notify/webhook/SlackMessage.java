package dev.trafficstatus.notify.webhook;

import static dev.trafficstatus.notify.webhook.JsonText.cut;
import static dev.trafficstatus.notify.webhook.JsonText.quote;

import dev.trafficstatus.spi.notify.Notification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Slack incoming-webhook message: a plain {@code text} for notifications and clients without
 * blocks, and one attachment in the notice's colour holding the blocks (Slack colours attachments
 * only): the title linked to the notice's page, its status and impact, the update's body and the
 * affected routes. Everything people wrote is escaped as Slack's mrkdwn asks ({@code &}, {@code
 * <}, {@code >}), so a name can neither link nor mention anyone; texts are cut to Slack's limits.
 */
final class SlackMessage implements HookMessage {

  /** Slack's limit for a section's text is 3,000 characters. */
  static final int SECTION_LIMIT = 3_000;

  /** Slack's limit for the title of a link is well above this; kept short for phones. */
  static final int TITLE_LIMIT = 250;

  @Override
  public String body(Notification notification) {
    String title = cut(ChatWording.title(notification), TITLE_LIMIT);
    String heading =
        "*" + notification.link().map(link -> "<" + link + "|" + escape(title) + ">").orElse(escape(title)) + "*";
    String status = ChatWording.status(notification);
    String facts =
        notification.notice()
            .map(notice -> status + " · " + ChatWording.impact(notice.impact()) + " impact")
            .orElse(status);
    List<String> blocks = new ArrayList<>();
    blocks.add(section(cut(heading + (facts.isEmpty() ? "" : "\n" + facts), SECTION_LIMIT)));
    String body = ChatWording.body(notification);
    if (!body.isBlank()) {
      blocks.add(section(escape(cut(body, SECTION_LIMIT - 100))));
    }
    String routes = ChatWording.routes(notification);
    if (!routes.isEmpty()) {
      blocks.add(
          "{\"type\":\"context\",\"elements\":[{\"type\":\"mrkdwn\",\"text\":"
              + quote(escape(cut("Affected: " + routes, SECTION_LIMIT - 100))) + "}]}");
    }
    return "{\"text\":" + quote(escape(title))
        + ",\"attachments\":[{\"color\":" + quote(String.format("#%06x", ChatWording.colour(notification)))
        + ",\"blocks\":[" + String.join(",", blocks) + "]}]}";
  }

  private static String section(String mrkdwn) {
    return "{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":" + quote(mrkdwn) + "}}";
  }

  /** Slack's mrkdwn escaping: the three characters that start links, mentions and entities. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  @Override
  public Map<String, String> headers(Notification notification, String body) {
    return Map.of();
  }
}
