package dev.trafficstatus.server.subscribe;

/**
 * The small pages the subscribe endpoints answer with: plain HTML without script, each with a link
 * back to the status page. Tokens put in forms have been checked to be URL-safe characters; they
 * are escaped all the same.
 */
final class SubscribePages {

  private final String pagePath;

  /** @param pagePath the status page's path, such as {@code /status} */
  SubscribePages(String pagePath) {
    this.pagePath = pagePath;
  }

  String checkYourMail() {
    return page("Check your mail",
        "<p>If this address can be subscribed, a confirmation mail is on its way. Open the link in it"
            + " within a day to start getting status updates.</p>");
  }

  String invalid() {
    return page("That is not a mail address",
        "<p>Nothing was changed. Go back and enter an address such as <code>you@example.com</code>.</p>");
  }

  String tooMany() {
    return page("Too many requests", "<p>Nothing was changed. Please try again later.</p>");
  }

  String crossSite() {
    return page("Not sent from this page",
        "<p>The form was sent from another site, so nothing was done. Subscribe on the status page itself.</p>");
  }

  String confirmButton(String action, String token) {
    return page("Confirm your subscription",
        "<form method=\"post\" action=\"" + escape(action) + "\">"
            + "<input type=\"hidden\" name=\"token\" value=\"" + escape(token) + "\">"
            + "<button type=\"submit\">Confirm: send me status updates</button></form>");
  }

  String confirmed() {
    return page("You are subscribed",
        "<p>You will get a mail when an incident or a maintenance is announced. Every mail has a link"
            + " to unsubscribe.</p>");
  }

  String linkDoesNotWork() {
    return page("This link no longer works",
        "<p>It was used already, replaced by a newer one, or is older than a day. Subscribe again on"
            + " the status page if you want updates.</p>");
  }

  String unsubscribeButton(String action) {
    return page("Unsubscribe",
        "<form method=\"post\" action=\"" + escape(action) + "\">"
            + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
            + "<button type=\"submit\">Unsubscribe: stop the mails and forget my address</button></form>");
  }

  String unsubscribed() {
    return page("You are unsubscribed", "<p>No more mail will be sent, and your address was deleted.</p>");
  }

  String unavailable() {
    return page("Please try again", "<p>The status page cannot reach its database just now. Nothing was changed.</p>");
  }

  private String page(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<meta name=\"robots\" content=\"noindex\"><title>" + escape(title) + "</title></head>\n<body>"
        + "<h1>" + escape(title) + "</h1>\n" + body + "\n<p><a href=\"" + escape(pagePath)
        + "\">Back to the status page</a></p></body></html>\n";
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
