package dev.trafficstatus.server.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.server.config.StatusBlockBinding;
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

  /**
   * The prefix of system properties that override keys, as {@code dw.} does for a server. Not
   * "dw": app tests in the same JVM set dw.* system properties, which must not leak in here.
   */
  public static final String PROPERTY_PREFIX = "config-parsing-test";

  private ConfigParsing() {}

  private static ConfigurationFactory<StatusConfiguration> factory() {
    return factory(Jackson.newObjectMapper());
  }

  private static ConfigurationFactory<StatusConfiguration> factory(ObjectMapper mapper) {
    StatusBlockBinding.install(
        mapper, PluginCatalog.discover(ConfigParsing.class.getClassLoader(), List.of())::registerWith);
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
    return factory().build(inline(yaml), "config.yml");
  }

  /**
   * Parses YAML given inline with a host app's own mapper, prepared as the bundle prepares it.
   *
   * @param yaml the configuration
   * @param hostMapper the host's mapper, before the bundle touched it
   * @return the configuration
   * @throws Exception what Dropwizard throws for a bad one
   */
  public static StatusConfiguration parse(String yaml, ObjectMapper hostMapper) throws Exception {
    return factory(hostMapper).build(inline(yaml), "config.yml");
  }

  /**
   * The configuration Dropwizard builds when it is given no file: every default.
   *
   * @return the configuration
   * @throws Exception what Dropwizard throws
   */
  public static StatusConfiguration defaults() throws Exception {
    return factory().build();
  }

  private static ConfigurationSourceProvider inline(String yaml) {
    return path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
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
