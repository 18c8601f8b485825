package dev.trafficstatus.server.testing;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Waits, bounded, for something a test caused to become true. Jersey reports the end of a request
 * just after the client has its answer, so a request a test has just seen answered may reach the
 * counters a moment later; a test that flushes and then expects exact counts flushes again until
 * they arrive, never longer than the limit.
 */
public final class Eventually {

  private Eventually() {}

  /**
   * Calls {@code attempt} until it returns true.
   *
   * @param what what is awaited, for the failure message
   * @param limit how long to try
   * @param attempt does one try (such as flush, then read) and says whether it succeeded
   * @throws AssertionError when the limit passes first
   */
  public static void await(String what, Duration limit, Callable<Boolean> attempt) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!attempt.call()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + limit + ": " + what);
      }
      Thread.sleep(50);
    }
  }
}
