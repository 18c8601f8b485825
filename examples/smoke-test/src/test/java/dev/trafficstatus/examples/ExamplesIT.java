package dev.trafficstatus.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.server.testing.JarProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs each example as the README says ({@code java -jar examples/X/target/X.jar server
 * examples/X/config.yml}), sends requests to its routes, and finds them on its page by name.
 */
class ExamplesIT {

  private static final Path EXAMPLES = Path.of(System.getProperty("examples.dir", ".."));
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path workDir;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "hello-world  | /=Hello, World!",
        "other-routes | /=Index;/hello=Hello, World!;/bye=Bye, World!"
      })
  void theExampleShowsItsNamedRoutesOnItsPage(String example, String routes) throws Exception {
    Map<String, String> expected = new HashMap<>();
    for (String route : routes.split(";")) {
      expected.put(route.substring(0, route.indexOf('=')), route.substring(route.indexOf('=') + 1));
    }
    int port = JarProcess.freePort();
    int adminPort = JarProcess.freePort();
    Path jar = EXAMPLES.resolve(example + "/target/" + example + ".jar");
    Path config = EXAMPLES.resolve(example + "/config.yml").toAbsolutePath();
    try (JarProcess app =
        JarProcess.start(
            jar,
            workDir,
            Map.of("PORT", String.valueOf(port), "ADMIN_PORT", String.valueOf(adminPort)),
            "server",
            config.toString())) {
      String base = "http://localhost:" + port;
      app.awaitAnswer(base + "/status", Duration.ofSeconds(90));
      for (String rule : expected.keySet()) {
        for (int i = 0; i < 3; i++) {
          assertThat(send(base + rule, "GET").statusCode()).isEqualTo(200);
        }
      }
      assertThat(send("http://localhost:" + adminPort + "/tasks/trafficstatus-flush", "POST").body())
          .contains("pending: 0");

      JsonNode page = new ObjectMapper().readTree(
          HTTP.send(
                  HttpRequest.newBuilder(URI.create(base + "/status"))
                      .header("Accept", "application/json")
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body());
      Map<String, String> shown = new HashMap<>();
      for (JsonNode group : page.get("groups")) {
        for (JsonNode route : group.get("routes")) {
          shown.put(route.get("rule").asText(), route.get("name").asText());
          assertThat(route.get("requests").asLong()).isEqualTo(3);
        }
      }
      assertThat(shown).isEqualTo(expected);
      app.stop();
    }
  }

  private static HttpResponse<String> send(String url, String method) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
