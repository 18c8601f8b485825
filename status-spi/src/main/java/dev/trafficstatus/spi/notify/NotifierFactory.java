package dev.trafficstatus.spi.notify;

import dev.trafficstatus.spi.PluginFactory;

/**
 * Builds a notifier: one receiver of notifications, such as a webhook URL or a chat channel.
 * Registered in {@code META-INF/services/dev.trafficstatus.spi.notify.NotifierFactory}; selected
 * by {@code type:} in {@code status.notifications.notifiers}, where the same type may appear
 * several times (two Slack channels), each block bound onto a fresh instance.
 *
 * <p>Example: {@code type: webhook} posts each event as signed JSON; {@code type: slack} and
 * {@code type: discord} post chat messages to incoming webhooks.
 */
public interface NotifierFactory extends PluginFactory {

  /**
   * Builds the notifier; called once at start-up, on the start-up thread. Checks what
   * configuration cannot (a URL's scheme, a secret's length) and refuses with a message that names
   * the setting and never repeats a secret.
   *
   * @param context what the host offers; never null
   * @return the notifier, whose lifecycle the host then drives; never null
   * @throws IllegalArgumentException when the settings cannot work
   */
  Notifier build(NotifierContext context);
}
