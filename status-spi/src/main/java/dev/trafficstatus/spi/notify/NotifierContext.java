package dev.trafficstatus.spi.notify;

import dev.trafficstatus.spi.PluginContext;
import dev.trafficstatus.spi.store.SubscriberStore;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** What a notifier gets from the host: the common context plus the sender's limits. */
public interface NotifierContext extends PluginContext {

  /**
   * How long one {@link Notifier#send} may take ({@code status.notifications.timeout}). The host
   * stops waiting after it in any case, interrupts the send and counts it as a failure to retry; a
   * notifier that bounds its own calls by it (connect and request timeouts) ends them cleanly.
   *
   * @return the timeout, positive
   */
  Duration timeout();

  /**
   * The store's subscribers, for notifiers that mail them ({@code type: email}).
   *
   * @return the subscribers, or empty when the store keeps none
   */
  default Optional<SubscriberStore> subscribers() {
    return Optional.empty();
  }

  /**
   * The page's public address ({@code page.publicUrl}), which links in mails start with.
   *
   * @return the address, such as {@code https://status.example.com/status}, or empty when not set
   */
  default Optional<URI> publicUrl() {
    return Optional.empty();
  }
}
