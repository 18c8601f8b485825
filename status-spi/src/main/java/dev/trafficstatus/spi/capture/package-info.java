/**
 * Capture: plugins that observe requests and record them into the pipeline.
 *
 * <p>A capture declares each route once through {@link dev.trafficstatus.spi.capture.Recorder#route}
 * and keeps the returned {@link dev.trafficstatus.spi.capture.RouteRecorder}; per request it only
 * calls {@link dev.trafficstatus.spi.capture.RouteRecorder#record}. Nothing recorded holds a URL,
 * query, header or client address.
 */
package dev.trafficstatus.spi.capture;
