package dev.trafficstatus.server.ops;

import com.codahale.metrics.health.HealthCheck.Result;

/**
 * The results of the bundle's health checks. A non-critical check never turns unhealthy: it says
 * what is wrong in its message and in the {@code degraded} detail, so the host's overall health
 * (and a Kubernetes liveness probe on it) never depends on the status store.
 */
final class HealthResults {

  private HealthResults() {}

  static Result fine(boolean critical, String message) {
    return Result.builder()
        .healthy()
        .withMessage(message)
        .withDetail("critical", critical)
        .withDetail("degraded", false)
        .build();
  }

  static Result degraded(boolean critical, String message) {
    if (critical) {
      return Result.builder()
          .unhealthy()
          .withMessage(message)
          .withDetail("critical", true)
          .withDetail("degraded", true)
          .build();
    }
    return Result.builder()
        .healthy()
        .withMessage(
            "degraded, not critical (status.healthChecks.critical is false): " + message)
        .withDetail("critical", false)
        .withDetail("degraded", true)
        .build();
  }
}
