/**
 * The contracts between the Traffic Status pipeline and its plugins.
 *
 * <p>Three kinds of plugin exist, each a named factory found with {@link java.util.ServiceLoader}
 * or handed to the server directly:
 *
 * <ul>
 *   <li>{@link dev.trafficstatus.spi.capture.CaptureFactory} builds a capture that records
 *       observed requests through a {@link dev.trafficstatus.spi.capture.Recorder};
 *   <li>{@link dev.trafficstatus.spi.store.StoreFactory} builds the
 *       {@link dev.trafficstatus.spi.store.StatusStore} that keeps routes, minute buckets and day
 *       rollups;
 *   <li>{@link dev.trafficstatus.spi.page.RendererFactory} builds the
 *       {@link dev.trafficstatus.spi.page.PageRenderer} that turns the page model into a body.
 * </ul>
 *
 * <p>Everything in this package and its sub-packages uses JDK types and this project's records
 * only, so a plugin compiles against it without any framework. The contracts grow only by new
 * default methods.
 */
package dev.trafficstatus.spi;
