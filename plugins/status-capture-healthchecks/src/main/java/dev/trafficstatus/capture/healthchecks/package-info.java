/**
 * The health-check capture: runs the host's Dropwizard health checks on a schedule and records each
 * as a route of its own. {@link dev.trafficstatus.capture.healthchecks.HealthCheckCaptureFactory}
 * ({@code type: healthchecks}) is the entry point; everything else is internal to the plugin.
 */
package dev.trafficstatus.capture.healthchecks;
