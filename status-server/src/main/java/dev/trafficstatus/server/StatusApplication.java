package dev.trafficstatus.server;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;

/**
 * The standalone status server: {@link StatusBundle} on an otherwise empty Dropwizard app.
 *
 * <pre>java -jar trafficstatus.jar server config.yml</pre>
 */
public class StatusApplication extends Application<StatusConfiguration> {

  /**
   * Runs the server.
   *
   * @param args Dropwizard's command line, such as {@code server config.yml}
   * @throws Exception when the server cannot start
   */
  public static void main(String[] args) throws Exception {
    new StatusApplication().run(args);
  }

  @Override
  public String getName() {
    return "trafficstatus";
  }

  @Override
  public void initialize(Bootstrap<StatusConfiguration> bootstrap) {
    // ${VAR} and ${VAR:-default} in config.yml, so secrets come from the environment.
    bootstrap.setConfigurationSourceProvider(
        new SubstitutingSourceProvider(
            bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
    bootstrap.addBundle(
        new StatusBundle<>(StatusConfiguration::getStatus).withUnprefixedCommands());
  }

  @Override
  public void run(StatusConfiguration configuration, Environment environment) {
    // Everything is in the bundle: the standalone server and embedding apps share one wiring path.
  }
}
