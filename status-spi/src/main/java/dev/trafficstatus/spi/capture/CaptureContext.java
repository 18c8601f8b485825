package dev.trafficstatus.spi.capture;

import dev.trafficstatus.spi.PluginContext;

/** What a capture gets from the host: the common context plus the recorder to feed. */
public interface CaptureContext extends PluginContext {

  /**
   * The entry point of the pipeline; safe to use from any thread, for the whole life of the
   * process.
   *
   * @return the recorder, never null
   */
  Recorder recorder();
}
