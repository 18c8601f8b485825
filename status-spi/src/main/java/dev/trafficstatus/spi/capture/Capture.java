package dev.trafficstatus.spi.capture;

import dev.trafficstatus.spi.Lifecycle;

/**
 * A running capture. Captures driven by the host's own requests (Jersey) need no lifecycle;
 * captures with threads of their own (probes) start them in {@link #start()} and end them in
 * {@link #stop()}.
 */
public interface Capture extends Lifecycle {

  /**
   * Says in one line what this capture watches, for the start-up log, for example
   * {@code "3 probes every 30s"}.
   *
   * @return a short description, never null
   */
  String describe();
}
