package dev.trafficstatus.testkit;

import dev.trafficstatus.spi.notify.NotifierContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a host hands a notifier, for a plugin's own tests: a service name, the send timeout and a
 * clock the test chooses, and no host objects.
 */
public final class TestNotifierContext implements NotifierContext {

  private final Duration timeout;
  private final Clock clock;

  /**
   * @param timeout how long one send may take
   * @param clock what "now" is
   */
  public TestNotifierContext(Duration timeout, Clock clock) {
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.clock = Objects.requireNonNull(clock, "clock");
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
