package dev.trafficstatus.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficstatus.server.testing.JarProcess;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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

  final JarProcess process;
  private final StatusClient client;

  private ExampleApp(JarProcess process, StatusClient client) {
    this.process = process;
    this.client = client;
  }

  /**
   * Starts {@code java -jar examples/<name>/target/<name>.jar server examples/<name>/config.yml}
   * and waits until its page answers.
   */
  static ExampleApp start(String name, Path workDir, Map<String, String> env) throws Exception {
    return start(name, shippedConfig(name), workDir, env);
  }

  /** Starts an example's jar as {@link #start(String, Path, Map)} does, on another config file. */
  static ExampleApp start(String name, Path config, Path workDir, Map<String, String> env)
      throws Exception {
    return start(
        EXAMPLES.resolve(name + "/target/" + name + ".jar"), config.toAbsolutePath(), workDir, env);
  }

  /** The config.yml an example ships with. */
  static Path shippedConfig(String name) {
    return EXAMPLES.resolve(name + "/config.yml");
  }

  /**
   * Writes a copy of a shipped config file with parts of its text replaced, as a user edits it:
   * each part must be in the file as written, so a change of the shipped file fails the test that
   * edits it instead of leaving the edit out.
   *
   * @param shipped the shipped file
   * @param target where the copy goes
   * @param replacements each text to replace, with its replacement
   * @return the copy
   */
  static Path editedConfig(Path shipped, Path target, Map<String, String> replacements)
      throws IOException {
    String config = Files.readString(shipped);
    for (Map.Entry<String, String> replacement : replacements.entrySet()) {
      assertThat(config)
          .as("%s holds %s", shipped.getFileName(), replacement.getKey().strip())
          .contains(replacement.getKey());
      config = config.replace(replacement.getKey(), replacement.getValue());
    }
    return Files.writeString(target, config);
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
    ExampleApp app = new ExampleApp(process, new StatusClient(port, adminPort));
    process.awaitAnswer(app.client.pageUrl(), Duration.ofSeconds(90));
    return app;
  }

  int get(String path) throws Exception {
    return client.get(path);
  }

  /**
   * Sends a JSON body with a bearer token, as a script calling the API would.
   *
   * @return the answer
   */
  HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
    return client.send(method, path, token, json);
  }

  /** Writes everything counted so far, as an operator would with the admin task. */
  void flush() throws Exception {
    client.flush();
  }

  /** See {@link StatusClient#awaitRequests}. */
  void awaitRequests(String rule, long requests) throws Exception {
    client.awaitRequests(rule, requests);
  }

  /** Each route on the page by rule. */
  Map<String, JsonNode> routes() throws Exception {
    return client.routes();
  }

  /** The page as JSON. */
  JsonNode page() throws Exception {
    return client.page();
  }

  /** The page as HTML, as a browser gets it. */
  String html() throws Exception {
    return client.html();
  }

  @Override
  public void close() throws Exception {
    process.close();
  }
}
