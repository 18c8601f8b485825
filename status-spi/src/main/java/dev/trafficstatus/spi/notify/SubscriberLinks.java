package dev.trafficstatus.spi.notify;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The links of subscriber mail, under the page's public address: the host serves them, mailers
 * put them in mails. Tokens are URL-safe already; they are encoded anyway.
 *
 * @param publicUrl the page's public address ({@code page.publicUrl}), such as {@code
 *     https://status.example.com/status}
 */
public record SubscriberLinks(URI publicUrl) {

  /** The path of the subscribe form's target, under the page. */
  public static final String SUBSCRIBE = "subscribe";

  /** The path of the confirmation page, under the page. */
  public static final String CONFIRM = "subscribe/confirm";

  /** The path of the unsubscribe link, under the page; it also takes RFC 8058 one-click POSTs. */
  public static final String UNSUBSCRIBE = "unsubscribe";

  /** Checks the address is absolute. */
  public SubscriberLinks {
    Objects.requireNonNull(publicUrl, "publicUrl");
    if (!publicUrl.isAbsolute()) {
      throw new IllegalArgumentException("page.publicUrl must be an absolute URL, got " + publicUrl);
    }
  }

  /**
   * The link that shows the confirm button of a subscription.
   *
   * @param token the confirmation token
   * @return the link
   */
  public URI confirm(String token) {
    return under(CONFIRM + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
  }

  /**
   * The link that unsubscribes at once (one click, RFC 8058).
   *
   * @param token the subscriber's unsubscribe token
   * @return the link
   */
  public URI unsubscribe(String token) {
    return under(UNSUBSCRIBE + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
  }

  private URI under(String path) {
    String base = publicUrl.toString();
    return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
  }
}
