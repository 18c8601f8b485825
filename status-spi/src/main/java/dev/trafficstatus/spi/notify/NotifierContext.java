package dev.trafficstatus.spi.notify;

import dev.trafficstatus.spi.PluginContext;
import java.time.Duration;

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
}
