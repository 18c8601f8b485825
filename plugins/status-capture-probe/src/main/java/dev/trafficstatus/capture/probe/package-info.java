/**
 * The probe capture: calls URLs on a schedule and records each as a route, like Statsig's status
 * page and its {@code urls.cfg}. {@link dev.trafficstatus.capture.probe.ProbeCaptureFactory}
 * ({@code type: probe}) is the entry point and
 * {@link dev.trafficstatus.capture.probe.ProbeSettings} one configured probe; everything else is
 * internal to the plugin.
 */
package dev.trafficstatus.capture.probe;
