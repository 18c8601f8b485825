package dev.trafficstatus.testkit;

import dev.trafficstatus.spi.capture.CaptureContext;
import dev.trafficstatus.spi.capture.Recorder;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What a host hands a capture, for a plugin's own tests: a service name, the recorder the test
 * counts with, and at most one host object (such as a Dropwizard environment), so every plugin
 * tests against the same stand-in for the server.
 */
public final class TestCaptureContext implements CaptureContext {

  private final String service;
  private final Recorder recorder;
  private final Object host;

  /**
   * A context without any framework, as a plugin that needs only the SPI sees it.
   *
   * @param service the service name
   * @param recorder where the capture records
   */
  public TestCaptureContext(String service, Recorder recorder) {
    this(service, recorder, null);
  }

  /**
   * @param service the service name
   * @param recorder where the capture records
   * @param host the only host object offered, such as a Dropwizard environment; null for none
   */
  public TestCaptureContext(String service, Recorder recorder, Object host) {
    this.service = Objects.requireNonNull(service, "service");
    this.recorder = Objects.requireNonNull(recorder, "recorder");
    this.host = host;
  }

  @Override
  public Recorder recorder() {
    return recorder;
  }

  @Override
  public String service() {
    return service;
  }

  @Override
  public String instance() {
    return "test-instance";
  }

  @Override
  public Clock clock() {
    return Clock.systemUTC();
  }

  @Override
  public <T> Optional<T> host(Class<T> type) {
    return type.isInstance(host) ? Optional.of(type.cast(host)) : Optional.empty();
  }
}
