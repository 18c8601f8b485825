package dev.trafficstatus.server.testapp;

import dev.trafficstatus.server.StatusBundle;
import dev.trafficstatus.spi.capture.StatusRoute;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;

/** A host app with two resources and the status bundle: the shape of a user's app. */
public class ShopApp extends Application<ShopConfiguration> {

  private final Clock clock;
  private StatusBundle<ShopConfiguration> bundle;

  public ShopApp() {
    this(Clock.systemUTC());
  }

  public ShopApp(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String getName() {
    return "shop";
  }

  @Override
  public void initialize(Bootstrap<ShopConfiguration> bootstrap) {
    bundle = new StatusBundle<>(ShopConfiguration::getStatus).withClock(clock);
    bootstrap.addBundle(bundle);
  }

  @Override
  public void run(ShopConfiguration configuration, Environment environment) {
    environment.jersey().register(new HelloResource());
    environment.jersey().register(new ItemResource());
  }

  public StatusBundle<ShopConfiguration> bundle() {
    return bundle;
  }

  /** Named by annotation, as FlaskStatus's docstring named routes. */
  @Path("/hello")
  @Produces(MediaType.TEXT_PLAIN)
  public static final class HelloResource {
    @GET
    @StatusRoute(value = "Hello, World!", doc = "Says hello.")
    public String hello() {
      return "Hello, World!";
    }
  }

  /** Named after its method; odd ids do not exist (404: "no such item"). */
  @Path("/items/{id}")
  @Produces(MediaType.TEXT_PLAIN)
  public static final class ItemResource {
    @GET
    public String item(@PathParam("id") int id) {
      if (id % 2 == 1) {
        throw new NotFoundException("no item " + id);
      }
      return "item " + id;
    }
  }
}
