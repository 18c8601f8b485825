package dev.trafficstatus.spi;

/**
 * The start and stop hooks of something a plugin builds. The server calls {@link #start()} once
 * after everything is built and before requests are served, and {@link #stop()} once on shutdown,
 * in the reverse order of starting, both on the server's lifecycle thread.
 */
public interface Lifecycle {

  /**
   * Starts threads, opens connections, applies migrations.
   *
   * @throws Exception when the component cannot start; the server then fails to start
   */
  default void start() throws Exception {}

  /**
   * Stops threads and releases resources. Called even when {@link #start()} was not called
   * because a later component failed; must then be harmless.
   *
   * @throws Exception on failure, which the server logs and then goes on stopping the rest
   */
  default void stop() throws Exception {}
}
