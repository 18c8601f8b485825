package dev.trafficstatus.capture.healthchecks;

import com.codahale.metrics.health.HealthCheck;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Health checks of every behaviour the capture has to handle, for the tests' registries. */
final class Checks {

  private Checks() {}

  /** Always healthy. */
  static HealthCheck healthy() {
    return new HealthCheck() {
      @Override
      protected Result check() {
        return Result.healthy("all good");
      }
    };
  }

  /** Always unhealthy, saying something that must never leave the check. */
  static HealthCheck unhealthy(String message) {
    return new HealthCheck() {
      @Override
      protected Result check() {
        return Result.unhealthy(message);
      }
    };
  }

  /** Always throws, with a message that must never leave the check. */
  static HealthCheck throwing(String message) {
    return new HealthCheck() {
      @Override
      protected Result check() {
        throw new IllegalStateException(message);
      }
    };
  }

  /** Healthy after taking a while, so its run time has a known floor. */
  static HealthCheck taking(long millis) {
    return new HealthCheck() {
      @Override
      protected Result check() throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(millis);
        return Result.healthy();
      }
    };
  }

  /**
   * A check that hangs until released. One that honours interruption ends when the capture gives
   * up on it; one that does not, as a stuck driver call would, keeps its thread until released.
   */
  static final class Hanging extends HealthCheck {
    private final boolean honoursInterruption;
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    Hanging(boolean honoursInterruption) {
      this.honoursInterruption = honoursInterruption;
    }

    @Override
    protected Result check() throws InterruptedException {
      entered.countDown();
      while (true) {
        try {
          release.await();
          return Result.healthy();
        } catch (InterruptedException interrupted) {
          if (honoursInterruption) {
            throw interrupted;
          }
        }
      }
    }

    /** Waits until the check has started, bounded. */
    boolean awaitEntered() throws InterruptedException {
      return entered.await(20, TimeUnit.SECONDS);
    }

    /** Lets it return. */
    void release() {
      release.countDown();
    }
  }
}
