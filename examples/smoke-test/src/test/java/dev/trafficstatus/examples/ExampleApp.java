package dev.trafficstatus.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.server.testing.Eventually;
import dev.trafficstatus.server.testing.JarProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** One example app running as its own process, started as the README says, and a client for it. */
final class ExampleApp implements AutoCloseable {

  private static final Path EXAMPLES = Path.of(System.getProperty("examples.dir", ".."));

  /** The standalone server's jar and its shipped config.yml, beside the examples. */
  static final Path SERVER_JAR = EXAMPLES.resolve("../status-server/target/trafficstatus.jar");

  static final Path SERVER_CONFIG = EXAMPLES.resolve("../config.yml");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  final JarProcess process;
  private final String base;
  private final String admin;

  private ExampleApp(JarProcess process, int port, int adminPort) {
    this.process = process;
    this.base = "http://localhost:" + port;
    this.admin = "http://localhost:" + adminPort;
  }

  /**
   * Starts {@code java -jar examples/<name>/target/<name>.jar server examples/<name>/config.yml}
   * and waits until its page answers.
   */
  static ExampleApp start(String name, Path workDir, Map<String, String> env) throws Exception {
    return start(
        EXAMPLES.resolve(name + "/target/" + name + ".jar"),
        EXAMPLES.resolve(name + "/config.yml").toAbsolutePath(),
        workDir,
        env);
  }

  /**
   * Starts the standalone server as the README says: {@code java -jar
   * status-server/target/trafficstatus.jar server config.yml}, on a config.yml in the working
   * directory.
   */
  static ExampleApp startServer(Path workDir, Map<String, String> env) throws Exception {
    return start(SERVER_JAR, workDir.resolve("config.yml"), workDir, env);
  }

  private static ExampleApp start(Path jar, Path config, Path workDir, Map<String, String> env)
      throws Exception {
    int port = JarProcess.freePort();
    int adminPort = JarProcess.freePort();
    Map<String, String> all = new HashMap<>(env);
    all.put("PORT", String.valueOf(port));
    all.put("ADMIN_PORT", String.valueOf(adminPort));
    JarProcess process = JarProcess.start(jar, workDir, all, "server", config.toString());
    ExampleApp app = new ExampleApp(process, port, adminPort);
    process.awaitAnswer(app.base + "/status", Duration.ofSeconds(90));
    return app;
  }

  int get(String path) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(base + path)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /**
   * Sends a JSON body with a bearer token, as a script calling the API would.
   *
   * @return the answer
   */
  HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Writes everything counted so far, as an operator would with the admin task. */
  void flush() throws Exception {
    String report =
        HTTP.send(
                HttpRequest.newBuilder(URI.create(admin + "/tasks/trafficstatus-flush"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(report).contains("pending: 0");
  }

  /**
   * Flushes until the page shows this many requests for a rule: the last answered request may
   * reach the counters a moment after its client has the answer.
   */
  void awaitRequests(String rule, long requests) throws Exception {
    Eventually.await(
        requests + " requests of " + rule + " on the page",
        Duration.ofSeconds(15),
        () -> {
          flush();
          JsonNode route = routes().get(rule);
          return route != null && route.get("requests").asLong() == requests;
        });
  }

  /** The page as JSON. */
  JsonNode page() throws Exception {
    return JSON.readTree(
        HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/status"))
                    .header("Accept", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }

  /** Each route on the page by rule. */
  Map<String, JsonNode> routes() throws Exception {
    Map<String, JsonNode> routes = new HashMap<>();
    for (JsonNode group : page().get("groups")) {
      for (JsonNode route : group.get("routes")) {
        routes.put(route.get("rule").asText(), route);
      }
    }
    return routes;
  }

  @Override
  public void close() throws Exception {
    process.close();
  }
}
