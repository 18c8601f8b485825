package dev.trafficstatus.store.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoreException;
import dev.trafficstatus.spi.store.StoreFactory;
import dev.trafficstatus.store.jdbi.testing.TestContext;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.util.Duration;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The factory as the server sees it: discovered, bound from YAML, built. No database needed. */
class JdbiStoreFactoryTest {

  private static JdbiStoreFactory bind(String yaml) throws Exception {
    // As Dropwizard binds configuration: unknown keys fail.
    ObjectMapper mapper =
        Jackson.newObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    YamlConfigurationFactory<JdbiStoreFactory> binder =
        new YamlConfigurationFactory<>(JdbiStoreFactory.class, Validators.newValidator(), mapper, "dw");
    // The block as the server hands it over: its type names this plugin.
    String typed = "type: jdbi\n" + (yaml.equals("{}") ? "" : yaml);
    return binder.build(path -> new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), "store.yml");
  }

  @Test
  void serviceLoaderFindsTheJdbiStore() {
    assertThat(ServiceLoader.load(StoreFactory.class))
        .filteredOn(factory -> factory.name().equals("jdbi"))
        .singleElement()
        .isInstanceOf(JdbiStoreFactory.class);
  }

  @Test
  void defaultsAreAnH2FileOfTheServiceUnderDataMigratedOnStart() {
    JdbiStoreFactory factory = new JdbiStoreFactory();

    assertThat(factory.name()).isEqualTo("jdbi");
    assertThat(factory.isMigrateOnStart()).isTrue();
    assertThat(factory.getDatabase()).as("the default, chosen at build for the service").isNull();
    assertThat(Validators.newValidator().validate(factory)).isEmpty();
    DataSourceFactory h2 = JdbiStoreFactory.defaultDatabase("shop");
    assertThat(h2.getDriverClass()).isEqualTo("org.h2.Driver");
    assertThat(h2.getUrl()).isEqualTo("jdbc:h2:./data/shop-status");
    assertThat(h2.getUser()).isEqualTo("sa");
    assertThat(h2.getPassword()).isEmpty();
    assertThat(factory.build(new TestContext("shop", "i", Clock.systemUTC(), List.of())).describe())
        .isEqualTo("jdbi: H2 jdbc:h2:./data/shop-status");
  }

  @Test
  void theDefaultFileNameKeepsOnlySafeCharactersOfTheServiceName() {
    assertThat(JdbiStoreFactory.defaultDatabase("My Shop/../api:v2").getUrl())
        .isEqualTo("jdbc:h2:./data/My-Shop-..-api-v2-status");
  }

  @Test
  void emptyStoreBlockKeepsTheDefaults() throws Exception {
    JdbiStoreFactory factory = bind("{}");

    assertThat(factory.getDatabase()).isNull();
    assertThat(factory.isMigrateOnStart()).isTrue();
    assertThat(factory.build(new TestContext("hello-world", "i", Clock.systemUTC(), List.of())).describe())
        .isEqualTo("jdbi: H2 jdbc:h2:./data/hello-world-status");
  }

  @Test
  void storeBlockBindsADropwizardDatabase() throws Exception {
    JdbiStoreFactory factory =
        bind(
            """
            migrateOnStart: false
            database:
              driverClass: org.postgresql.Driver
              url: jdbc:postgresql://db.example.com/status
              user: status
              password: hunter22
              initialSize: 1
              minSize: 1
              maxSize: 4
            """);

    assertThat(factory.isMigrateOnStart()).isFalse();
    DataSourceFactory database = factory.getDatabase();
    assertThat(database.getDriverClass()).isEqualTo("org.postgresql.Driver");
    assertThat(database.getUrl()).isEqualTo("jdbc:postgresql://db.example.com/status");
    assertThat(database.getUser()).isEqualTo("status");
    assertThat(database.getPassword()).isEqualTo("hunter22");
    assertThat(database.getMaxSize()).isEqualTo(4);
  }

  @Test
  void withoutADriverClassTheDriverFollowsFromTheUrl() throws Exception {
    JdbiStoreFactory h2 = bind("database:\n  url: jdbc:h2:mem:driver-from-url\n");
    JdbiStoreFactory postgres = bind("database:\n  url: jdbc:postgresql://db.example.com/status\n");
    assertThat(h2.getDatabase().getDriverClass()).isNull();

    h2.build(TestContext.bare("i"));
    postgres.build(TestContext.bare("i"));

    assertThat(h2.getDatabase().getDriverClass()).isEqualTo("org.h2.Driver");
    assertThat(postgres.getDatabase().getDriverClass()).isEqualTo("org.postgresql.Driver");
    JdbiStoreFactory unknown = bind("database:\n  url: jdbc:nosuch://db.example.com/status\n");
    assertThatThrownBy(() -> unknown.build(TestContext.bare("i")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no JDBC driver takes store.database.url jdbc:nosuch://db.example.com/status");
  }

  @Test
  void callsAreBoundedByDefaultAndEachBoundCanBeSet() throws Exception {
    JdbiStoreFactory defaults = bind("database:\n  url: jdbc:postgresql://db.example.com/status\n");
    assertThat(defaults.getTimeouts().getStatement()).isEqualTo(Duration.seconds(10));
    assertThat(defaults.getTimeouts().getMaintenance()).isEqualTo(Duration.minutes(2));
    assertThat(defaults.getTimeouts().getMigration()).isEqualTo(Duration.minutes(5));

    defaults.build(TestContext.bare("i"));

    DataSourceFactory database = defaults.getDatabase();
    assertThat(database.getMaxWaitForConnection()).isEqualTo(Duration.seconds(5));
    assertThat(database.getValidationQueryTimeout()).contains(Duration.seconds(5));
    assertThat(database.getCheckConnectionOnBorrow()).isTrue();
    assertThat(database.getProperties())
        .containsEntry("connectTimeout", "10")
        .containsEntry("loginTimeout", "10")
        .containsEntry("socketTimeout", "15");

    JdbiStoreFactory tuned =
        bind(
            """
            timeouts:
              statement: 30s
              maintenance: 10m
              migration: 1m
            database:
              url: jdbc:postgresql://db.example.com/status
              maxWaitForConnection: 1s
              validationQueryTimeout: 2s
              properties:
                loginTimeout: 3
            """);
    tuned.build(TestContext.bare("i"));

    assertThat(tuned.getTimeouts().getMaintenance()).isEqualTo(Duration.minutes(10));
    assertThat(tuned.getDatabase().getMaxWaitForConnection()).isEqualTo(Duration.seconds(1));
    assertThat(tuned.getDatabase().getValidationQueryTimeout()).contains(Duration.seconds(2));
    assertThat(tuned.getDatabase().getProperties())
        .containsEntry("connectTimeout", "10")
        .containsEntry("loginTimeout", "3")
        .containsEntry("socketTimeout", "35");

    JdbiStoreFactory h2 = bind("database:\n  url: jdbc:h2:mem:bounded\n");
    h2.build(TestContext.bare("i"));
    assertThat(h2.getDatabase().getProperties()).as("pgjdbc's keys mean nothing to H2").isEmpty();
    assertThat(h2.getDatabase().getMaxWaitForConnection()).isEqualTo(Duration.seconds(5));
  }

  @Test
  void aTimeoutUnderASecondFailsBinding() {
    assertThatThrownBy(() -> bind("timeouts:\n  statement: 500ms\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("timeouts.statement");
  }

  @Test
  void unknownOrInvalidKeysFailBinding() {
    assertThatThrownBy(() -> bind("migrateOnStrat: false"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("migrateOnStrat");
    assertThatThrownBy(() -> bind("database:\n  url: ''\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("database.url");
  }

  @Test
  void describeNamesTheDatabaseWithoutItsPassword() {
    assertThat(new JdbiStoreFactory().build(TestContext.bare("i")).describe())
        .isEqualTo("jdbi: H2 jdbc:h2:./data/test-service-status");

    JdbiStoreFactory factory = new JdbiStoreFactory();
    DataSourceFactory database = new DataSourceFactory();
    database.setDriverClass("org.postgresql.Driver");
    database.setUrl("jdbc:postgresql://db.example.com/status?password=hunter22&sslpassword=hunter22&ssl=true");
    database.setUser("status");
    database.setPassword("hunter22");
    factory.setDatabase(database);

    assertThat(factory.build(TestContext.bare("i")).describe())
        .isEqualTo("jdbi: PostgreSQL jdbc:postgresql://db.example.com/status?password=***&sslpassword=***&ssl=true");
  }

  @Test
  void buildConnectsToNothingAndStartSaysWhichDatabaseItCouldNotReach() throws Exception {
    JdbiStoreFactory factory = new JdbiStoreFactory();
    DataSourceFactory database = new DataSourceFactory();
    database.setDriverClass("org.postgresql.Driver");
    database.setUrl("jdbc:postgresql://127.0.0.1:1/status?password=hunter22");
    database.setUser("status");
    database.setPassword("hunter22");
    factory.setDatabase(database);

    StatusStore store = factory.build(TestContext.bare("i"));

    assertThatThrownBy(store::start)
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("starting the store on jdbc:postgresql://127.0.0.1:1/status?password=***: ")
        .hasMessageContaining("refused")
        .hasMessageNotContaining("hunter22");
    store.stop();
  }

  @Test
  void driverThatDoesNotTakeTheUrlIsRefusedAtBuild() {
    JdbiStoreFactory factory = new JdbiStoreFactory();
    factory.setDatabase(JdbiStoreFactory.defaultDatabase("shop"));
    factory.getDatabase().setUrl("jdbc:postgresql://db.example.com/status?password=hunter22");

    assertThatThrownBy(() -> factory.build(TestContext.bare("i")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "store.database.driverClass org.h2.Driver does not take the URL"
                + " jdbc:postgresql://db.example.com/status?password=***; set the driver of that"
                + " database, or leave driverClass out so the URL picks it");
  }

  @Test
  void poolMetricsLandInTheHostRegistryUnderTheStoresOwnName(@TempDir Path directory) throws Exception {
    Environment environment = new Environment("host-app");
    JdbiStoreFactory factory = new JdbiStoreFactory();
    factory.setDatabase(JdbiStoreFactory.defaultDatabase("svc"));
    factory.getDatabase().setUrl("jdbc:h2:" + directory.resolve("status").toAbsolutePath());
    StatusStore store =
        factory.build(new TestContext("svc", "i", Clock.systemUTC(), List.of(environment)));

    assertThat(environment.metrics().getNames()).noneMatch(name -> name.contains("trafficstatus"));
    store.start();
    assertThat(environment.metrics().getGauges().keySet())
        .contains(
            "io.dropwizard.db.ManagedPooledDataSource.trafficstatus-store.active",
            "io.dropwizard.db.ManagedPooledDataSource.trafficstatus-store.size");
    store.stop();
    assertThat(environment.metrics().getNames()).noneMatch(name -> name.contains("trafficstatus"));
  }
}
