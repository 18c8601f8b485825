package dev.trafficstatus.notify.email;

import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.notify.Notification;
import dev.trafficstatus.spi.store.EventType;
import java.net.URI;
import java.util.stream.Collectors;

/**
 * What a mail says, as plain text and as HTML with the same content: the subject, the status and
 * impact in words, the update's body, the incident's page, and the unsubscribe link at the end.
 *
 * @param subject the subject line
 * @param text the plain-text part
 * @param html the HTML part
 */
record MailText(String subject, String text, String html) {

  /**
   * The mail of an incident or maintenance event.
   *
   * @param notification the event
   * @param unsubscribe the subscriber's unsubscribe link
   * @return the mail's text
   */
  static MailText incident(Notification notification, URI unsubscribe) {
    String title =
        headline(notification.type()) + notification.notice().map(n -> ": " + n.name()).orElse("");
    String status =
        notification.update()
            .map(update -> update.status().label())
            .or(() -> notification.notice().map(n -> n.status().label()))
            .orElse("");
    String impact = notification.notice().map(n -> n.impact().label()).orElse("");
    String routes =
        notification.routes().stream().map(RouteKey::rule).collect(Collectors.joining(", "));
    String body = notification.update().map(update -> update.body()).orElse("");
    String link = notification.link().map(URI::toString).orElse("");

    StringBuilder text = new StringBuilder(title).append("\n\n");
    StringBuilder html = new StringBuilder("<h2>").append(escape(title)).append("</h2>\n<p>");
    if (!status.isEmpty()) {
      text.append("Status: ").append(status).append('\n');
      html.append("<b>Status:</b> ").append(escape(status)).append("<br>\n");
    }
    if (!impact.isEmpty()) {
      text.append("Impact: ").append(impact).append('\n');
      html.append("<b>Impact:</b> ").append(escape(impact)).append("<br>\n");
    }
    if (!routes.isEmpty()) {
      text.append("Affects: ").append(routes).append('\n');
      html.append("<b>Affects:</b> ").append(escape(routes)).append("<br>\n");
    }
    html.append("</p>\n");
    if (!body.isBlank()) {
      text.append('\n').append(body.strip()).append('\n');
      html.append("<p>").append(escape(body.strip()).replace("\n", "<br>\n")).append("</p>\n");
    }
    if (!link.isEmpty()) {
      text.append("\nDetails: ").append(link).append('\n');
      html.append("<p><a href=\"").append(escape(link)).append("\">Details on the status page</a></p>\n");
    }
    footer(text, html, unsubscribe);
    return new MailText(title, text.toString(), page(title, html));
  }

  /**
   * The confirmation mail of a subscription.
   *
   * @param confirm the link that confirms it
   * @param unsubscribe the link that forgets the address at once
   * @return the mail's text
   */
  static MailText confirmation(URI confirm, URI unsubscribe) {
    String subject = "Confirm your subscription to status updates";
    StringBuilder text =
        new StringBuilder("Someone, hopefully you, asked to get status updates at this address.\n\n")
            .append("To confirm, open this link within a day and press the button:\n")
            .append(confirm)
            .append("\n\nIf you did not ask for this, ignore this mail: nothing more will be sent.\n");
    StringBuilder html =
        new StringBuilder("<p>Someone, hopefully you, asked to get status updates at this address.</p>\n")
            .append("<p><a href=\"")
            .append(escape(confirm.toString()))
            .append("\">Confirm the subscription</a> (within a day).</p>\n")
            .append("<p>If you did not ask for this, ignore this mail: nothing more will be sent.</p>\n");
    footer(text, html, unsubscribe);
    return new MailText(subject, text.toString(), page(subject, html));
  }

  private static void footer(StringBuilder text, StringBuilder html, URI unsubscribe) {
    text.append("\n--\nTo stop these mails, unsubscribe: ").append(unsubscribe).append('\n');
    html.append("<hr><p style=\"font-size:small\"><a href=\"")
        .append(escape(unsubscribe.toString()))
        .append("\">Unsubscribe</a> from these mails.</p>\n");
  }

  private static String page(String title, StringBuilder body) {
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>"
        + escape(title)
        + "</title></head><body>\n"
        + body
        + "</body></html>\n";
  }

  /**
   * Text made safe inside HTML elements and attribute values.
   *
   * @param text any text
   * @return the text with {@code & < > " '} escaped
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String headline(EventType type) {
    return switch (type) {
      case INCIDENT_OPENED -> "Incident";
      case INCIDENT_UPDATED -> "Incident update";
      case INCIDENT_RESOLVED -> "Resolved";
      case MAINTENANCE_SCHEDULED -> "Maintenance scheduled";
      case MAINTENANCE_STARTED -> "Maintenance started";
      case MAINTENANCE_UPDATED -> "Maintenance update";
      case MAINTENANCE_COMPLETED -> "Maintenance completed";
      case ROUTE_STATE_CHANGED -> "Route state changed";
      case OBJECTIVE_BURNING -> "Error budget burning";
    };
  }
}
