package dev.trafficstatus.spi.notify;

import java.net.URI;

/**
 * A notifier that can also mail one address, for the confirmation mail of a subscription: the
 * host looks for one among the configured notifiers and turns the page's subscribe form on only
 * when it finds one.
 */
public interface SubscriberMailer {

  /**
   * Sends the confirmation mail of a subscription, with the link that confirms it. Called from a
   * thread of the host's own, never a request thread.
   *
   * @param address where to send it
   * @param confirmLink the page that confirms the subscription
   * @param unsubscribeLink the link that forgets the address at once
   * @throws MailException when the mail could not be handed to the mail server; its message holds
   *     no secret
   */
  void sendConfirmation(String address, URI confirmLink, URI unsubscribeLink);

  /** The mail server did not take a mail. */
  final class MailException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, without secrets
     * @param cause the underlying error
     */
    public MailException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
