package dev.trafficstatus.server.subscribe;

import dev.trafficstatus.core.subscribe.SubscribeLimits;
import dev.trafficstatus.core.subscribe.Subscriptions;
import dev.trafficstatus.server.jersey.RelocatedResource;
import dev.trafficstatus.spi.notify.SubscriberLinks;
import dev.trafficstatus.spi.notify.SubscriberMailer;
import dev.trafficstatus.spi.store.SubscriberStore;
import io.dropwizard.core.setup.Environment;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves the subscribe endpoints beside the page, when everything they need is there. */
public final class SubscribeRoutes {

  private static final Logger LOG = LoggerFactory.getLogger("dev.trafficstatus.server.StatusBundle");

  /** Subscriptions waiting for their confirmation mail at most; more are dropped with a warning. */
  private static final int QUEUED = 1_000;

  private SubscribeRoutes() {}

  /**
   * Serves {@code subscribe} (the form's target; {@code GET} is the form's page, served beside the
   * status page when this returns true), {@code subscribe/confirm} and {@code unsubscribe} under
   * the page's prefix when a notifier can mail subscribers, the store keeps them and {@code
   * page.publicUrl} is set (mails link there); says in the log why not otherwise.
   *
   * @param environment the host's environment
   * @param prefix the page's path
   * @param publicUrl {@code page.publicUrl}, or null
   * @param mailer the notifier that mails confirmations, if any
   * @param store the store's subscribers, if it keeps them
   * @param languages the page's languages ({@code page.locales}), the default first
   * @param limits how often the form may be used ({@code notifications.subscribers})
   * @param clock what "now" is
   * @return whether they are served
   */
  public static boolean register(
      Environment environment,
      String prefix,
      String publicUrl,
      Optional<SubscriberMailer> mailer,
      Optional<SubscriberStore> store,
      List<Locale> languages,
      SubscribeLimits limits,
      Clock clock) {
    if (mailer.isEmpty()) {
      return false;
    }
    if (store.isEmpty()) {
      LOG.warn("Traffic Status serves no subscribe form: the store keeps no subscribers");
      return false;
    }
    if (publicUrl == null || publicUrl.isBlank()) {
      LOG.warn("Traffic Status serves no subscribe form: page.publicUrl is not set, and mails must link to the page");
      return false;
    }
    URI page = URI.create(publicUrl);
    ExecutorService background =
        environment.lifecycle()
            .executorService("status-subscribe-mail-%d")
            .minThreads(1)
            .maxThreads(1)
            .workQueue(new ArrayBlockingQueue<>(QUEUED))
            .build();
    Subscriptions subscriptions =
        new Subscriptions(
            store.get(), mailer.get(), new SubscriberLinks(page), limits, clock,
            new SecureRandom(), background, System.getLogger(Subscriptions.class.getName()));
    environment.jersey().getResourceConfig().registerResources(
        RelocatedResource.at(prefix, new SubscribeResource(subscriptions, prefix, Optional.of(page), languages)));
    LOG.info("Traffic Status takes subscribers at {}/subscribe", prefix);
    return true;
  }
}
