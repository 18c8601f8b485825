package dev.trafficstatus.capture.jersey;

import dev.trafficstatus.spi.capture.CaptureContext;
import dev.trafficstatus.spi.capture.Recorder;
import java.time.Clock;
import java.util.Optional;

/** What the server would hand the capture: a service name, a recorder and host objects. */
final class FakeCaptureContext implements CaptureContext {

  private final String service;
  private final Recorder recorder;
  private final Object host;

  /**
   * @param host the only host object offered, such as a Dropwizard environment; null for none
   */
  FakeCaptureContext(String service, Recorder recorder, Object host) {
    this.service = service;
    this.recorder = recorder;
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
