package dev.trafficstatus.spi.notify;

import dev.trafficstatus.spi.Lifecycle;

/**
 * One receiver of notifications. The host's sender calls {@link #send} from a thread of this
 * receiver's own (so a slow receiver holds back no other), one notification at a time, in order
 * per notice; never from a request thread. Implementations keep secrets (tokens, webhook URLs that
 * carry one) out of {@link #receiver()}, {@link #describe()}, {@code toString()}, the errors they
 * return and their logs: all of those are shown or stored.
 */
public interface Notifier extends Lifecycle {

  /**
   * The receiver's name: what the outbox records deliveries against, so it must stay the same
   * across restarts and in every process of the fleet, and be unique among the configured
   * notifiers. Changing it makes a new receiver, which gets events from then on. Built from the
   * configuration, such as {@code webhook:ops} or {@code slack}; 1 to 60 characters, no secret.
   *
   * @return the name
   */
  String receiver();

  /**
   * Says in one line where notifications go, without secrets, for the start-up log, such as
   * {@code "slack (https://hooks.slack.com/…), events: all, routes: all"}.
   *
   * @return the description
   */
  String describe();

  /**
   * Whether this receiver wants a notification at all (its event and route filters). A
   * notification it does not want is recorded as skipped and never sent. Called before {@link
   * #send}, on the same thread.
   *
   * @param notification the notification
   * @return true by default
   */
  default boolean wants(Notification notification) {
    return true;
  }

  /**
   * Hands a notification to the receiver, within {@link NotifierContext#timeout()}. Sent again
   * later (with the same {@link Notification#id()}) when it returns a retry, throws, or does not
   * return in time; receivers drop repeats by that id.
   *
   * @param notification what to send
   * @return what came of it; never null
   * @throws InterruptedException when the host stops waiting (timeout, shutdown)
   */
  SendResult send(Notification notification) throws InterruptedException;
}
