package dev.trafficstatus.capture.probe;

import dev.trafficstatus.spi.capture.CaptureContext;
import dev.trafficstatus.spi.capture.Recorder;
import java.time.Clock;
import java.util.Optional;

/**
 * What a host hands the capture, with no framework at all: the probe capture needs nothing but
 * the service name and the recorder.
 */
final class FakeCaptureContext implements CaptureContext {

  private final String service;
  private final Recorder recorder;

  FakeCaptureContext(String service, Recorder recorder) {
    this.service = service;
    this.recorder = recorder;
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
    return Optional.empty();
  }
}
