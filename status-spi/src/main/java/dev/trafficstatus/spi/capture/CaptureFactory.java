package dev.trafficstatus.spi.capture;

import dev.trafficstatus.spi.PluginFactory;

/**
 * Builds a capture. Registered in {@code META-INF/services/dev.trafficstatus.spi.capture.CaptureFactory}.
 *
 * <p>Example: the Jersey capture ({@code type: jersey}) records every request a Jersey
 * application answers; the probe capture ({@code type: probe}) calls URLs on a schedule.
 */
public interface CaptureFactory extends PluginFactory {

  /**
   * Builds the capture; called once at start-up, on the start-up thread, before anything starts.
   * The capture may declare routes now or later, from any thread.
   *
   * @param context what the host offers, including the recorder; never null
   * @return the capture, whose lifecycle the host then drives; never null
   * @throws IllegalStateException when the host lacks what this capture needs
   */
  Capture build(CaptureContext context);

  /**
   * Whether this capture runs when configuration lists no captures at all (then every capture
   * found runs with its defaults, unless it says no here). A capture that would put something on
   * the public page its owner did not ask for, such as the names of the host's health checks, says
   * no: it runs only when {@code status.captures} lists it.
   *
   * @return true by default
   */
  default boolean onByDefault() {
    return true;
  }
}
