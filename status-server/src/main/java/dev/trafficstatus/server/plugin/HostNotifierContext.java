package dev.trafficstatus.server.plugin;

import dev.trafficstatus.spi.PluginContext;
import dev.trafficstatus.spi.notify.NotifierContext;
import dev.trafficstatus.spi.store.SubscriberStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server hands a notifier: the common context, the sender's timeout, the store's
 * subscribers and the page's public address.
 */
public final class HostNotifierContext implements NotifierContext {

  private final PluginContext host;
  private final Duration timeout;
  private final Optional<SubscriberStore> subscribers;
  private final Optional<URI> publicUrl;

  /**
   * @param host the context every plugin gets
   * @param timeout how long one send may take ({@code status.notifications.timeout})
   */
  public HostNotifierContext(PluginContext host, Duration timeout) {
    this(host, timeout, Optional.empty(), Optional.empty());
  }

  /**
   * @param host the context every plugin gets
   * @param timeout how long one send may take ({@code status.notifications.timeout})
   * @param subscribers the store's subscribers, if it keeps them
   * @param publicUrl {@code page.publicUrl}, if set
   */
  public HostNotifierContext(
      PluginContext host, Duration timeout, Optional<SubscriberStore> subscribers, Optional<URI> publicUrl) {
    this.host = Objects.requireNonNull(host, "host");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.subscribers = Objects.requireNonNull(subscribers, "subscribers");
    this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl");
  }

  @Override
  public Optional<SubscriberStore> subscribers() {
    return subscribers;
  }

  @Override
  public Optional<URI> publicUrl() {
    return publicUrl;
  }

  @Override
  public Duration timeout() {
    return timeout;
  }

  @Override
  public String service() {
    return host.service();
  }

  @Override
  public String instance() {
    return host.instance();
  }

  @Override
  public Clock clock() {
    return host.clock();
  }

  @Override
  public <T> Optional<T> host(Class<T> type) {
    return host.host(type);
  }
}
