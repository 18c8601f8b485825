package dev.trafficstatus.server.api;

import static dev.trafficstatus.server.api.ShopWithApi.API;
import static dev.trafficstatus.server.api.ShopWithApi.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.server.testapp.ShopConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A database that goes away is a 503 with a plain message, never a stack trace or SQL: for the
 * configure API and for the incident and maintenance API alike.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConfigureApiStoreDownTest {

  private static final String DATABASE = ShopWithApi.memoryDatabase();

  static final DropwizardAppExtension<ShopConfiguration> APP =
      new DropwizardAppExtension<>(ShopWithApi.support(DATABASE));

  @Test
  void aStoreThatCannotBeReachedIsAServiceUnavailableThatLeaksNothing() throws Exception {
    try (Connection connection = DriverManager.getConnection(DATABASE, "sa", "")) {
      connection.createStatement().execute("SHUTDOWN");
    }
    ApiClient client = ShopWithApi.client(APP.getTestSupport());

    List<ApiClient.Answer> answers =
        List.of(
            client.authorized("GET", API, null, SECRET),
            client.authorized("PUT", API, "{\"rule\": \"/hello\", \"name\": \"x\"}", SECRET),
            client.authorized("DELETE", API, "{\"rule\": \"/hello\"}", SECRET),
            client.authorized("POST", API + "/restore", "{\"rule\": \"/hello\"}", SECRET),
            client.authorized("GET", API + "/incidents", null, SECRET),
            client.authorized("POST", API + "/incidents", "{\"name\": \"Down\", \"body\": \"\"}", SECRET),
            client.authorized("GET", API + "/maintenances/0123456789ab", null, SECRET),
            client.authorized("POST", API + "/maintenances", "{\"name\": \"x\", \"scheduled_for\":"
                + " \"2999-01-01T00:00:00Z\", \"scheduled_until\": \"2999-01-01T01:00:00Z\"}", SECRET));

    for (ApiClient.Answer answer : answers) {
      assertThat(answer.status()).isEqualTo(503);
      assertThat(answer.error()).isEqualTo("The status store cannot be reached right now; try again later");
    }
  }
}
