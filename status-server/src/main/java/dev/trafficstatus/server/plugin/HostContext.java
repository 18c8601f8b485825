package dev.trafficstatus.server.plugin;

import dev.trafficstatus.spi.capture.CaptureContext;
import dev.trafficstatus.spi.capture.Recorder;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server hands every plugin: the service and instance names, the clock, the recorder, and
 * the Dropwizard objects a framework-aware plugin may ask for by type.
 */
public final class HostContext implements CaptureContext {

  private final String service;
  private final String instance;
  private final Clock clock;
  private final Recorder recorder;
  private final List<Object> hostObjects;

  /**
   * @param service the default service name
   * @param instance this process's unique instance id
   * @param clock the clock
   * @param recorder the pipeline's entry point
   * @param hostObjects what {@link #host(Class)} offers, such as the Dropwizard Environment
   */
  public HostContext(
      String service, String instance, Clock clock, Recorder recorder, List<Object> hostObjects) {
    this.service = Objects.requireNonNull(service, "service");
    this.instance = Objects.requireNonNull(instance, "instance");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.recorder = Objects.requireNonNull(recorder, "recorder");
    this.hostObjects = List.copyOf(hostObjects);
  }

  @Override
  public String service() {
    return service;
  }

  @Override
  public String instance() {
    return instance;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public Recorder recorder() {
    return recorder;
  }

  @Override
  public <T> Optional<T> host(Class<T> type) {
    for (Object candidate : hostObjects) {
      if (type.isInstance(candidate)) {
        return Optional.of(type.cast(candidate));
      }
    }
    return Optional.empty();
  }
}
