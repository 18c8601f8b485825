package dev.trafficstatus.examples.routes;

import dev.trafficstatus.server.StatusBundle;
import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.spi.capture.StatusRoute;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * FlaskStatus's second example: three routes in three resource classes, each named, grouped on the
 * page by resource class.
 */
public class OtherRoutesApplication extends Application<StatusConfiguration> {

  public static void main(String[] args) throws Exception {
    new OtherRoutesApplication().run(args);
  }

  @Override
  public String getName() {
    return "other-routes";
  }

  @Override
  public void initialize(Bootstrap<StatusConfiguration> bootstrap) {
    bootstrap.setConfigurationSourceProvider(
        new SubstitutingSourceProvider(
            bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
    bootstrap.addBundle(new StatusBundle<>(StatusConfiguration::getStatus));
  }

  @Override
  public void run(StatusConfiguration configuration, Environment environment) {
    environment.jersey().register(new IndexResource());
    environment.jersey().register(new HelloResource());
    environment.jersey().register(new ByeResource());
  }

  /** {@code /}, named "Index". */
  @Path("/")
  @Produces(MediaType.TEXT_PLAIN)
  public static class IndexResource {
    @GET
    @StatusRoute("Index")
    public String index() {
      return "Welcome to the API!";
    }
  }

  /** {@code /hello}, named "Hello, World!". */
  @Path("/hello")
  @Produces(MediaType.TEXT_PLAIN)
  public static class HelloResource {
    @GET
    @StatusRoute("Hello, World!")
    public String hello() {
      return "Hello, World!";
    }
  }

  /** {@code /bye}, named "Bye, World!". */
  @Path("/bye")
  @Produces(MediaType.TEXT_PLAIN)
  public static class ByeResource {
    @GET
    @StatusRoute("Bye, World!")
    public String bye() {
      return "Bye, World!";
    }
  }
}
