/**
 * Notify: plugins that tell people about incidents and maintenances (webhooks, chat, mail).
 *
 * <p>A {@link dev.trafficstatus.spi.notify.NotifierFactory} builds a {@link
 * dev.trafficstatus.spi.notify.Notifier}, one receiver with a stable name. The host's sender hands
 * it the outbox's events as {@link dev.trafficstatus.spi.notify.Notification}s: at least once (a
 * receiver drops repeats by {@link dev.trafficstatus.spi.notify.Notification#id()}), in order per
 * notice, never on a request thread, each send cut by the configured timeout, and retries what
 * {@link dev.trafficstatus.spi.notify.SendResult} says may be retried.
 */
package dev.trafficstatus.spi.notify;
