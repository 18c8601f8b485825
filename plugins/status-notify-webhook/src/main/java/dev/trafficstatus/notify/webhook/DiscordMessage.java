package dev.trafficstatus.notify.webhook;

import static dev.trafficstatus.notify.webhook.JsonText.cut;
import static dev.trafficstatus.notify.webhook.JsonText.quote;

import dev.trafficstatus.spi.notify.Notification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Discord webhook message: one embed in the notice's colour, titled and linked to the notice's
 * page, the update's body as its description, status, impact and affected routes as fields, the
 * event's time as its timestamp. {@code allowed_mentions} is empty, so nothing people wrote can
 * ping {@code @everyone}; texts are cut to Discord's limits (title 256, description 4,096, field
 * 1,024, 6,000 in all).
 */
final class DiscordMessage implements HookMessage {

  static final int TITLE_LIMIT = 256;
  static final int DESCRIPTION_LIMIT = 4_000;
  static final int FIELD_LIMIT = 1_024;

  @Override
  public String body(Notification notification) {
    List<String> fields = new ArrayList<>();
    String status = ChatWording.status(notification);
    if (!status.isEmpty()) {
      fields.add(field("Status", status, true));
    }
    notification.notice().ifPresent(notice -> fields.add(field("Impact", ChatWording.impact(notice.impact()), true)));
    String routes = ChatWording.routes(notification);
    if (!routes.isEmpty()) {
      fields.add(field("Affected", cut(routes, FIELD_LIMIT), false));
    }
    StringBuilder embed = new StringBuilder("{\"title\":")
        .append(quote(cut(ChatWording.title(notification), TITLE_LIMIT)));
    notification.link().ifPresent(link -> embed.append(",\"url\":").append(quote(link.toString())));
    String body = ChatWording.body(notification);
    if (!body.isBlank()) {
      embed.append(",\"description\":").append(quote(cut(body, DESCRIPTION_LIMIT)));
    }
    embed.append(",\"color\":").append(ChatWording.colour(notification))
        .append(",\"timestamp\":").append(quote(notification.createdAt().toString()))
        .append(",\"fields\":[").append(String.join(",", fields)).append("]}");
    return "{\"allowed_mentions\":{\"parse\":[]},\"embeds\":[" + embed + "]}";
  }

  private static String field(String name, String value, boolean inline) {
    return "{\"name\":" + quote(name) + ",\"value\":" + quote(value) + ",\"inline\":" + inline + "}";
  }

  @Override
  public Map<String, String> headers(Notification notification, String body) {
    return Map.of();
  }
}
