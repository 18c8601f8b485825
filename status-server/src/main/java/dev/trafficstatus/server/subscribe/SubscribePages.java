package dev.trafficstatus.server.subscribe;

import dev.trafficstatus.server.page.ServerWords;
import java.util.Objects;

/**
 * The small pages the subscribe endpoints answer with, in one of the page's languages: plain HTML
 * without script, each with a link back to the status page. Tokens put in forms have been checked
 * to be URL-safe characters; they are escaped all the same.
 */
final class SubscribePages {

  private final String pagePath;

  private final ServerWords words;

  /**
   * @param pagePath the status page's path, such as {@code /status}
   * @param words the words of the pages' language
   */
  SubscribePages(String pagePath, ServerWords words) {
    this.pagePath = Objects.requireNonNull(pagePath, "pagePath");
    this.words = Objects.requireNonNull(words, "words");
  }

  String checkYourMail() {
    return page("check_mail_title", paragraph("check_mail"));
  }

  String invalid() {
    // The example address is markup of its own, so the sentence is escaped around it.
    String sentence = escape(words.format("invalid", "\u0000"))
        .replace("\u0000", "<code>" + escape(words.format("example_address")) + "</code>");
    return page("invalid_title", "<p>" + sentence + "</p>");
  }

  String tooMany() {
    return page("too_many_title", paragraph("too_many"));
  }

  String crossSite() {
    return page("cross_site_title", paragraph("cross_site"));
  }

  String confirmButton(String action, String token) {
    return page("confirm_title",
        "<form method=\"post\" action=\"" + escape(action) + "\">"
            + "<input type=\"hidden\" name=\"token\" value=\"" + escape(token) + "\">"
            + "<button type=\"submit\">" + escape(words.format("confirm_button")) + "</button></form>");
  }

  String confirmed() {
    return page("confirmed_title", paragraph("confirmed"));
  }

  String linkDoesNotWork() {
    return page("link_gone_title", paragraph("link_gone"));
  }

  String unsubscribeButton(String action) {
    return page("unsubscribe_title",
        "<form method=\"post\" action=\"" + escape(action) + "\">"
            + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
            + "<button type=\"submit\">" + escape(words.format("unsubscribe_button"))
            + "</button></form>");
  }

  String unsubscribed() {
    return page("unsubscribed_title", paragraph("unsubscribed"));
  }

  String unavailable() {
    return page("try_again_title", paragraph("try_again"));
  }

  private String paragraph(String key) {
    return "<p>" + escape(words.format(key)) + "</p>";
  }

  private String page(String titleKey, String body) {
    String title = escape(words.format(titleKey));
    return "<!DOCTYPE html>\n<html lang=\"" + escape(words.lang()) + "\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<meta name=\"robots\" content=\"noindex\"><title>" + title + "</title></head>\n<body>"
        + "<h1>" + title + "</h1>\n" + body + "\n<p><a href=\"" + escape(pagePath)
        + "\">" + escape(words.format("back")) + "</a></p></body></html>\n";
  }

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
}
