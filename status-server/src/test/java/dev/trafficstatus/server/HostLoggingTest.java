package dev.trafficstatus.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The bundle changes nothing of its host's logging: with everything the bundle brings on the class
 * path (this module's dependencies are exactly what an embedding app gets), the JVM's {@code
 * System.Logger}s are still found by the JDK's own finder, not rerouted by a library of ours.
 */
class HostLoggingTest {

  @Test
  void theJvmsLoggerFinderIsTheJdksOwn() {
    Class<?> finder = System.LoggerFinder.getLoggerFinder().getClass();

    assertThat(finder.getName()).doesNotStartWith("org.slf4j");
    // The JDK's own finder lives in a module of the JDK, loaded by its boot or platform loader.
    assertThat(finder.getModule().getName()).startsWith("java.");
  }
}
