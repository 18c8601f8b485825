package dev.trafficstatus.server.plugin;

import dev.trafficstatus.spi.PluginContext;
import dev.trafficstatus.spi.notify.NotifierContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What the server hands a notifier: the common context and the sender's timeout. */
public final class HostNotifierContext implements NotifierContext {

  private final PluginContext host;
  private final Duration timeout;

  /**
   * @param host the context every plugin gets
   * @param timeout how long one send may take ({@code status.notifications.timeout})
   */
  public HostNotifierContext(PluginContext host, Duration timeout) {
    this.host = Objects.requireNonNull(host, "host");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
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
