package dev.trafficstatus.bench.startup;

import dev.trafficstatus.examples.hello.HelloWorldApplication;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;

/**
 * The hello-world example without the status bundle: the same resource, the same server settings
 * ({@code bench/startup/hello-without-status.yml}), a plain Dropwizard {@link Configuration}. What
 * {@code bench/startup.sh} compares {@link HelloWorldApplication} with, from the same jar and with
 * the same JVM options, so the difference is what the bundle adds to its host's start.
 */
public final class HelloWithoutStatus extends Application<Configuration> {

  /**
   * Starts the app.
   *
   * @param args Dropwizard's command line
   * @throws Exception when it cannot start
   */
  public static void main(String[] args) throws Exception {
    new HelloWithoutStatus().run(args);
  }

  @Override
  public String getName() {
    return "hello-world";
  }

  @Override
  public void initialize(Bootstrap<Configuration> bootstrap) {
    bootstrap.setConfigurationSourceProvider(
        new SubstitutingSourceProvider(
            bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
  }

  @Override
  public void run(Configuration configuration, Environment environment) {
    environment.jersey().register(new HelloWorldApplication.IndexResource());
  }
}
