/**
 * The Jersey capture: records every request a Dropwizard application's Jersey resources answer,
 * by route template. {@link dev.trafficstatus.capture.jersey.JerseyCaptureFactory} is the entry
 * point; everything else is internal to the plugin.
 */
package dev.trafficstatus.capture.jersey;
