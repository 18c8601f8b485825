package dev.trafficstatus.capture.jersey;

import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.trafficstatus.spi.capture.Capture;
import dev.trafficstatus.spi.capture.CaptureContext;
import dev.trafficstatus.spi.capture.CaptureFactory;
import io.dropwizard.core.setup.Environment;
import java.util.Objects;

/**
 * Captures every request the host's Jersey application answers ({@code type: jersey}): the route
 * template of the resource method that answered, the final status code and the latency, recorded
 * under the context's service. Requests no resource method answered (unknown paths, 405) are only
 * counted as unmatched, never turned into routes.
 *
 * <p>Routes are named by {@link dev.trafficstatus.spi.capture.StatusRoute} or after their resource
 * method, and grouped by resource class. Routes the host protects are declared {@link
 * dev.trafficstatus.spi.RouteDescriptor#restricted() restricted} and counted like any other: a
 * Dropwizard {@code @Auth} parameter, {@code @RolesAllowed} or {@code @DenyAll} on the method or
 * its class ({@code @PermitAll} on the method overrides the class), {@code @PermitAll} too where
 * dropwizard-auth's {@code AuthDynamicFeature} is registered (it then authenticates), and anything
 * below a locator protected so. A template several methods share is restricted when any is. It
 * has no settings: the block is just {@code - type: jersey}.
 */
@JsonTypeName(JerseyCaptureFactory.NAME)
public final class JerseyCaptureFactory implements CaptureFactory {

  /** The {@code type:} of this capture in configuration. */
  public static final String NAME = "jersey";

  /** Creates the factory; it has nothing to configure. */
  public JerseyCaptureFactory() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Registers the capture's listener with the host's Jersey environment. Call before Jersey starts
   * (in {@code Application.run}); routes are declared when Jersey has built its resource model.
   *
   * @throws IllegalStateException when the host offers no Dropwizard {@link Environment}
   */
  @Override
  public Capture build(CaptureContext context) {
    Objects.requireNonNull(context, "context");
    Environment environment =
        context
            .host(Environment.class)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "The '" + NAME + "' capture records the requests of a Dropwizard"
                            + " application's Jersey resources, but its host offers no"
                            + " io.dropwizard.core.setup.Environment (CaptureContext.host);"
                            + " use it inside a Dropwizard application"));
    RouteCaptureListener listener = new RouteCaptureListener(context.service(), context.recorder());
    environment.jersey().register(listener);
    return new JerseyCapture(listener);
  }
}
