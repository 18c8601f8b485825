package dev.trafficstatus.server.wiring;

import dev.trafficstatus.core.connect.ConnectingStore;
import dev.trafficstatus.core.notify.NoticeLinks;
import dev.trafficstatus.core.notify.NotificationSender;
import dev.trafficstatus.core.notify.NotificationSettings;
import dev.trafficstatus.server.config.NotificationsFactory;
import dev.trafficstatus.server.config.StatusFactory;
import dev.trafficstatus.server.plugin.HostNotifierContext;
import dev.trafficstatus.spi.PluginContext;
import dev.trafficstatus.spi.notify.Notifier;
import dev.trafficstatus.spi.notify.NotifierFactory;
import dev.trafficstatus.spi.notify.SubscriberMailer;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification sender ({@code status.notifications}), when it is on, notifiers are configured
 * and the store keeps an outbox. Every process runs one; the store lets one at a time claim.
 */
final class NotificationParts {

  private static final Logger LOG = LoggerFactory.getLogger("dev.trafficstatus.server.StatusBundle");

  private NotificationParts() {}

  /**
   * What was built: the sender, and the notifier that mails subscribers' confirmations.
   *
   * @param sender the sender, or empty when nothing is to be sent
   * @param mailer the first notifier that can mail a subscriber ({@code type: email}), if any
   */
  record Built(Optional<NotificationSender> sender, Optional<SubscriberMailer> mailer) {}

  /**
   * Builds the notifiers and the sender; starts nothing, logs where notifications go.
   *
   * @param config the {@code status:} block
   * @param store the store
   * @param context what plugins get
   * @param clock the clock
   * @param page the page's part of webhook bodies ({@code {"id", "name", "url"}}), if any
   * @return the sender and the subscribers' mailer, each empty when there is none
   * @throws IllegalArgumentException when a notifier cannot work or two share a name
   */
  static Built assemble(
      StatusFactory config, ConnectingStore store, PluginContext context, Clock clock,
      Optional<String> page) {
    NotificationsFactory block = config.getNotifications();
    NotificationSettings settings = block.build();
    if (!settings.enabled() || block.getNotifiers().isEmpty()) {
      LOG.info("Traffic Status notifications: none ({})",
          settings.enabled() ? "status.notifications.notifiers is empty" : "status.notifications.enabled is false");
      return new Built(Optional.empty(), Optional.empty());
    }
    if (store.outbox().isEmpty()) {
      LOG.warn("Traffic Status notifications: off, the store ({}) keeps no outbox", store.describe());
      return new Built(Optional.empty(), Optional.empty());
    }
    String publicUrl = config.getPage().getPublicUrl();
    HostNotifierContext notifierContext =
        new HostNotifierContext(
            context,
            settings.timeout(),
            store.subscribers(),
            publicUrl == null || publicUrl.isBlank() ? Optional.empty() : Optional.of(URI.create(publicUrl)));
    List<Notifier> notifiers = new ArrayList<>();
    for (NotifierFactory factory : block.getNotifiers()) {
      Notifier notifier = factory.build(notifierContext);
      LOG.info("Traffic Status notifies {}", notifier.describe());
      notifiers.add(notifier);
    }
    NotificationSender sender =
        new NotificationSender(
            store,
            notifiers,
            settings,
            links(config.getPage().getPublicUrl()),
            page,
            clock,
            context.instance(),
            new SecureRandom(),
            Slf4jSystemLogger.of(NotificationSender.class));
    Optional<SubscriberMailer> mailer =
        notifiers.stream().filter(SubscriberMailer.class::isInstance).map(SubscriberMailer.class::cast).findFirst();
    return new Built(Optional.of(sender), mailer);
  }

  /** A notice's page under {@code page.publicUrl}, as the page serves it. */
  private static NoticeLinks links(String publicUrl) {
    if (publicUrl == null || publicUrl.isBlank()) {
      return NoticeLinks.none();
    }
    String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    return id -> Optional.of(URI.create(base + "/incidents/" + id));
  }
}
