package dev.trafficstatus.testkit;

import dev.trafficstatus.spi.notify.NotifierContext;
import dev.trafficstatus.spi.store.SubscriberStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a host hands a notifier, for a plugin's own tests: a service name, the send timeout and a
 * clock the test chooses, optionally subscribers and the page's public address, and no host
 * objects.
 */
public final class TestNotifierContext implements NotifierContext {

  private final Duration timeout;
  private final Clock clock;
  private final Optional<SubscriberStore> subscribers;
  private final Optional<URI> publicUrl;

  /**
   * @param timeout how long one send may take
   * @param clock what "now" is
   */
  public TestNotifierContext(Duration timeout, Clock clock) {
    this(timeout, clock, null, null);
  }

  /**
   * @param timeout how long one send may take
   * @param clock what "now" is
   * @param subscribers the subscribers offered, or null for none
   * @param publicUrl the page's public address, or null for none
   */
  public TestNotifierContext(Duration timeout, Clock clock, SubscriberStore subscribers, URI publicUrl) {
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.subscribers = Optional.ofNullable(subscribers);
    this.publicUrl = Optional.ofNullable(publicUrl);
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
    return "shop";
  }

  @Override
  public String instance() {
    return "test-instance";
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public <T> Optional<T> host(Class<T> type) {
    return Optional.empty();
  }
}
