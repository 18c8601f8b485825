package dev.trafficstatus.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
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
    try (ExampleApp app = ExampleApp.start(example, workDir, Map.of())) {
      for (String rule : expected.keySet()) {
        for (int i = 0; i < 3; i++) {
          assertThat(app.get(rule)).isEqualTo(200);
        }
      }
      for (String rule : expected.keySet()) {
        app.awaitRequests(rule, 3);
      }

      Map<String, String> shown = new HashMap<>();
      for (Map.Entry<String, JsonNode> route : app.routes().entrySet()) {
        shown.put(route.getKey(), route.getValue().get("name").asText());
        assertThat(route.getValue().get("requests").asLong()).isEqualTo(3);
      }
      assertThat(shown).isEqualTo(expected);
      app.process.stop();
    }
  }
}
