package dev.trafficstatus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficstatus.server.wiring.StatusRuntime;
import dev.trafficstatus.server.testapp.ShopApp;
import dev.trafficstatus.server.testapp.ShopConfiguration;
import dev.trafficstatus.server.testing.Eventually;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The shop test app with the configure API on, a real H2 store, and what the API tests ask of it. */
final class ShopWithApi {

  /** A secret of FlaskStatus's shape: 16 characters. */
  static final String SECRET = "tSx0L5exSjiPqqXs";
  static final String API = "/flask-status/configure";

  private ShopWithApi() {}

  /** A fresh in-memory H2 database, kept for the JVM's life so a restarted app finds it. */
  static String memoryDatabase() {
    return "jdbc:h2:mem:api-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  }

  /**
   * The shop on the given database with the API enabled.
   *
   * @param databaseUrl the JDBC URL
   * @return the support, not started
   */
  static DropwizardTestSupport<ShopConfiguration> support(String databaseUrl) {
    return support(databaseUrl, Clock.systemUTC(), Map.of());
  }

  /**
   * The shop on the given database with the API enabled, on a clock of the test's.
   *
   * @param databaseUrl the JDBC URL
   * @param clock the clock of the app and its pipeline
   * @return the support, not started
   */
  static DropwizardTestSupport<ShopConfiguration> support(String databaseUrl, Clock clock) {
    return support(databaseUrl, clock, Map.of());
  }

  /**
   * The shop on the given database with the API enabled, on a clock of the test's, with settings
   * that replace the defaults (Dropwizard keeps overrides in a set, so a key may be given once).
   *
   * @param databaseUrl the JDBC URL
   * @param clock the clock of the app and its pipeline
   * @param settings configuration keys such as {@code status.api.secret} and their values
   * @return the support, not started
   */
  static DropwizardTestSupport<ShopConfiguration> support(
      String databaseUrl, Clock clock, Map<String, String> settings) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("status.store.database.url", databaseUrl);
    all.put("status.api.enabled", "true");
    all.put("status.api.secret", SECRET);
    all.putAll(settings);
    ConfigOverride[] overrides =
        all.entrySet().stream()
            .map(setting -> ConfigOverride.config(setting.getKey(), setting.getValue()))
            .toArray(ConfigOverride[]::new);
    return new DropwizardTestSupport<>(ShopApp.class, ResourceHelpers.resourceFilePath("shop.yml"), overrides) {
      @Override
      public Application<ShopConfiguration> newApplication() {
        return new ShopApp(clock);
      }
    };
  }

  static ApiClient client(DropwizardTestSupport<?> app) {
    return new ApiClient("http://localhost:" + app.getLocalPort());
  }

  static StatusRuntime runtime(DropwizardTestSupport<ShopConfiguration> app) {
    return app.<ShopApp>getApplication().bundle().runtime();
  }

  /** GETs a path of the app n times, expecting the given status. */
  static void traffic(DropwizardTestSupport<?> app, String path, int times, int expected) {
    ApiClient client = client(app);
    for (int i = 0; i < times; i++) {
      assertThat(client.get(path).status()).as(path).isEqualTo(expected);
    }
    sent(app).addAndGet(times);
  }

  /** Requests {@link #traffic} sent to each app: all to captured routes. */
  private static final Map<DropwizardTestSupport<?>, AtomicLong> SENT =
      Collections.synchronizedMap(new WeakHashMap<>());

  private static AtomicLong sent(DropwizardTestSupport<?> app) {
    return SENT.computeIfAbsent(app, ignored -> new AtomicLong());
  }

  /**
   * Writes everything counted so far, through the admin task the README documents. Jersey reports
   * a request finished just after its client has the answer, so this flushes again, bounded, until
   * every request {@link #traffic} sent has been counted.
   */
  static void flush(DropwizardTestSupport<?> app) {
    long expected = sent(app).get();
    try {
      if (app.getApplication() instanceof ShopApp shop) {
        // The store starts in the background; with the notice tables its first migration takes a
        // while on a busy machine, longer than the flush below waits.
        shop.bundle().runtime().startedStore(Duration.ofSeconds(60));
      }
      Eventually.await(
          "the " + expected + " requests sent counted and flushed",
          Duration.ofSeconds(10),
          () -> {
            ApiClient.Answer flushed =
                new ApiClient("http://localhost:" + app.getAdminPort())
                    .send("POST", "/tasks/trafficstatus-flush", "");
            assertThat(flushed.status()).isEqualTo(200);
            assertThat(flushed.body()).contains("pending: 0");
            Object captured =
                app.getEnvironment().metrics().getGauges().get("trafficstatus.requests.captured").getValue();
            return ((Number) captured).longValue() >= expected;
          });
    } catch (Exception timedOut) {
      throw new AssertionError(timedOut);
    }
  }

  /** The page as JSON, as scripts read it. */
  static JsonNode page(DropwizardTestSupport<?> app) {
    ApiClient.Answer page = client(app).get("/status", "Accept", "application/json");
    assertThat(page.status()).isEqualTo(200);
    return page.json();
  }

  /** The routes on the page, by rule. */
  static Map<String, JsonNode> pageRoutes(DropwizardTestSupport<?> app) {
    return Stream.of(page(app).get("groups"))
        .flatMap(groups -> toList(groups).stream())
        .flatMap(group -> toList(group.get("routes")).stream())
        .collect(Collectors.toMap(route -> route.get("rule").asText(), Function.identity()));
  }

  /** The routes the API lists, by service and rule ("shop /hello"). */
  static Map<String, JsonNode> apiRoutes(DropwizardTestSupport<?> app) {
    ApiClient.Answer list = client(app).authorized("GET", API, null, SECRET);
    assertThat(list.status()).isEqualTo(200);
    return toList(list.json().get("routes")).stream()
        .collect(
            Collectors.toMap(
                route -> route.get("service").asText() + " " + route.get("rule").asText(),
                Function.identity()));
  }

  private static List<JsonNode> toList(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items;
  }
}
