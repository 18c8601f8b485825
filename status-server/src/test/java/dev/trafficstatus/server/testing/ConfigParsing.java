package dev.trafficstatus.server.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.server.plugin.PluginCatalog;
import io.dropwizard.configuration.ConfigurationFactory;
import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.configuration.DefaultConfigurationFactoryFactory;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Parses configuration as the server does at start-up: Dropwizard's factory (unknown keys fail,
 * validation runs) with every plugin on the class path registered by type name.
 */
public final class ConfigParsing {

  // Not "dw": app tests in the same JVM set dw.* system properties, which must not leak in here.
  private static final String PROPERTY_PREFIX = "config-parsing-test";

  private ConfigParsing() {}

  private static ConfigurationFactory<StatusConfiguration> factory() {
    ObjectMapper mapper = Jackson.newObjectMapper();
    PluginCatalog.discover(ConfigParsing.class.getClassLoader(), List.of()).registerWith(mapper);
    return new DefaultConfigurationFactoryFactory<StatusConfiguration>()
        .create(StatusConfiguration.class, Validators.newValidator(), mapper, PROPERTY_PREFIX);
  }

  /**
   * Parses YAML given inline.
   *
   * @param yaml the configuration
   * @return the configuration
   * @throws Exception what Dropwizard throws for a bad one
   */
  public static StatusConfiguration parse(String yaml) throws Exception {
    ConfigurationSourceProvider inline =
        path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
    return factory().build(inline, "config.yml");
  }

  /**
   * Parses a file, with ${VAR} substitution as the server's main does it.
   *
   * @param file the configuration file
   * @return the configuration
   * @throws Exception what Dropwizard throws for a bad one
   */
  public static StatusConfiguration parseFile(Path file) throws Exception {
    return factory()
        .build(
            new SubstitutingSourceProvider(
                new FileConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)),
            file.toString());
  }
}
