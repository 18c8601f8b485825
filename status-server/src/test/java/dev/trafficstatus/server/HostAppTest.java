package dev.trafficstatus.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.server.testapp.HostApp;
import dev.trafficstatus.server.testing.Eventually;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A host app with its own MigrationsBundle ({@code db}), its own JDBI and its own exception mapper
 * starts with the status bundle, and both sides work, on one shared database.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HostAppTest {

  private static final String CONFIG = ResourceHelpers.resourceFilePath("host.yml");

  static final DropwizardAppExtension<HostApp.HostConfiguration> APP =
      new DropwizardAppExtension<>(HostApp.class, CONFIG);

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static HttpResponse<String> call(String method, String url, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String app(String path) {
    return "http://localhost:" + APP.getLocalPort() + path;
  }

  /** Runs a command of the host app's command line and returns what it printed. */
  private static String command(String... args) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      new HostApp().run(args);
    } finally {
      System.setOut(original);
    }
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theHostsMigrationsJdbiAndExceptionMapperWorkBesideTheStatusBundle() throws Exception {
    command("db", "migrate", CONFIG);
    assertThat(command("status-db", "status", CONFIG)).contains("The schema is up to date.");

    assertThat(call("POST", app("/widgets/bolt")).statusCode()).isEqualTo(201);
    assertThat(call("POST", app("/widgets/nut")).statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(call("GET", app("/widgets")).body()).toString())
        .isEqualTo("[\"bolt\",\"nut\"]");
    HttpResponse<String> mapped = call("POST", app("/widgets/" + "x".repeat(30)));
    assertThat(mapped.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(mapped.body()).get("problem").asText()).contains("at most 20");

    JsonNode[] read = new JsonNode[1];
    Eventually.await(
        "the three widget requests on the page",
        Duration.ofSeconds(10),
        () -> {
          assertThat(
                  call("POST", "http://localhost:" + APP.getAdminPort() + "/tasks/trafficstatus-flush")
                      .body())
              .contains("pending: 0");
          read[0] = JSON.readTree(call("GET", app("/status"), "Accept", "application/json").body());
          long requests = 0;
          for (JsonNode group : read[0].get("groups")) {
            for (JsonNode route : group.get("routes")) {
              requests += route.get("requests").asLong();
            }
          }
          return requests == 4;
        });
    JsonNode page = read[0];
    assertThat(page.findValues("rule")).extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("/widgets", "/widgets/{name}");
    assertThat(page.findValues("requests").stream().mapToLong(JsonNode::asLong).max().orElse(0))
        .isEqualTo(3);

    // The host's mapper and ObjectMapper never reshape the status page's own errors.
    HttpResponse<String> ours = call("GET", app("/status?days=nope"));
    assertThat(ours.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(ours.body()).has("error")).isTrue();

    JsonNode health =
        JSON.readTree(call("GET", "http://localhost:" + APP.getAdminPort() + "/healthcheck").body());
    assertThat(health.has("host-db")).isTrue();
    assertThat(health.has("trafficstatus-store")).isTrue();
    assertThat(health.get("trafficstatus-store").get("healthy").asBoolean()).isTrue();
  }
}
