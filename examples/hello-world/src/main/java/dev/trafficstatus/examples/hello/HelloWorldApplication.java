package dev.trafficstatus.examples.hello;

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
 * FlaskStatus's first example as a Dropwizard app: one route, named by annotation, and the status
 * page at /status from one line in {@link #initialize}.
 */
public class HelloWorldApplication extends Application<StatusConfiguration> {

  public static void main(String[] args) throws Exception {
    new HelloWorldApplication().run(args);
  }

  @Override
  public String getName() {
    return "hello-world";
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
  }

  /** FlaskStatus's {@code index()} with its {@code # Hello, World!} docstring. */
  @Path("/")
  public static class IndexResource {
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @StatusRoute("Hello, World!")
    public String index() {
      return "Hello, World!";
    }
  }
}
