package dev.trafficstatus.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficstatus.server.testing.JarProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * README.md's "Embedding the bundle" and "Writing a plugin", done as a new user would, with the
 * blocks as written: the marked blocks ({@link ReadmeBlocks}) are written to a workspace beside a
 * fresh copy of the checkout ({@link ReadmeWorkspace}), the README's install command runs in the
 * copy, and its Maven builds and {@code java} commands run in the folders it names.
 *
 * <p>The install runs online, as a user's does: {@code mvn verify}, which fills a fresh local
 * repository before this test, never runs maven-install-plugin, so a fresh CI repository lacks it.
 * The two projects then build offline ({@code -o}): everything they need must be what the outer
 * build and the install put there, which is the README's promise that they build from a checkout
 * on Maven 3.8.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeIT {

  private static final Path PROJECT =
      Path.of(System.getProperty("examples.dir", "..")).resolve("..").toAbsolutePath().normalize();
  private static final Path WORKSPACE =
      Path.of(System.getProperty("readme.dir", "target/readme")).toAbsolutePath();
  private static final Path SHARED_REPOSITORY =
      Path.of(System.getProperty("maven.repo.shared",
          System.getProperty("user.home") + "/.m2/repository"));

  /** Liveness bounds, generous on a busy 2-core machine; never a verdict on speed. */
  private static final Duration BUILD_LIMIT = Duration.ofMinutes(10);

  private static final Duration COMMAND_LIMIT = Duration.ofMinutes(2);
  private static final Duration START_LIMIT = Duration.ofSeconds(90);

  private ReadmeBlocks readme;
  private ReadmeWorkspace workspace;

  @BeforeAll
  void installTheBundleAsTheReadmeSays() throws Exception {
    readme = ReadmeBlocks.of(PROJECT.resolve("README.md"));
    workspace = ReadmeWorkspace.create(PROJECT, WORKSPACE, SHARED_REPOSITORY);
    readme.writeUnder(workspace.root());
    ReadmeCommand install = only("trafficstatus/install.sh", "mvn");
    install.with(repository()).run(Map.of(), BUILD_LIMIT, workspace.log("install"));
    for (String module : List.of("status-spi", "status-testkit", "status-server")) {
      assertThat(workspace.repository().resolve("dev/trafficstatus/" + module + "/0.1.0-SNAPSHOT"))
          .as("the install command installs %s", module)
          .isDirectory();
    }
  }

  @Test
  void theEmbeddingSectionBuildsAnAppWhoseAnnotatedRouteIsOnItsPage() throws Exception {
    Path shop = workspace.folder("shop");
    List<ReadmeCommand> commands = commands("shop/run.sh");
    assertThat(commands).as("shop/run.sh: build, then run").hasSize(2);
    assertThat(commands.get(0).words()).first().isEqualTo("mvn");
    commands.get(0).with("-o", repository()).run(Map.of(), BUILD_LIMIT, workspace.log("shop-build"));

    // The app's own test ran, on a store in memory: no H2 file under the app's folder.
    assertThat(testsRun(shop, "com.example.shop.ShopApplicationTest")).isEqualTo(1);
    assertThat(shop.resolve("data")).doesNotExist();

    assertThat(commands.get(1).words()).startsWith("java", "-jar");
    int port = JarProcess.freePort();
    int adminPort = JarProcess.freePort();
    StatusClient client = new StatusClient(port, adminPort);
    try (ReadmeCommand.Running app =
        commands.get(1).start(ports(port, adminPort), workspace.log("shop-run"))) {
      app.awaitAnswer(client.pageUrl(), START_LIMIT);
      assertThat(client.body("/items/42")).contains("\"name\":\"Item 42\"");
      client.awaitRequests("/items/{id}", 1);

      JsonNode route = client.routes().get("/items/{id}");
      assertThat(route.get("name").asText()).isEqualTo("Item");
      assertThat(route.get("doc").asText()).isEqualTo("One item of the catalogue.");
      assertThat(route.get("service").asText()).isEqualTo("shop");
      app.stop();
    }
  }

  @Test
  void thePluginSectionBuildsAJarTheServerListsAndRuns() throws Exception {
    Path heartbeat = workspace.folder("heartbeat");
    only("heartbeat/build.sh", "mvn")
        .with("-o", repository())
        .run(Map.of(), BUILD_LIMIT, workspace.log("heartbeat-build"));
    assertThat(testsRun(heartbeat, "com.example.heartbeat.HeartbeatCaptureFactoryTest")).isEqualTo(2);
    // Provided scope: the jar carries the plugin's classes and its services file, nothing else.
    try (JarFile jar = new JarFile(heartbeat.resolve("target/heartbeat-1.0.jar").toFile())) {
      assertThat(Collections.list(jar.entries()).stream().map(JarEntry::getName))
          .filteredOn(name -> !name.endsWith("/") && !name.startsWith("META-INF/maven/"))
          .containsExactlyInAnyOrder(
              "META-INF/MANIFEST.MF",
              "META-INF/services/dev.trafficstatus.spi.capture.CaptureFactory",
              "com/example/heartbeat/HeartbeatCaptureFactory.class",
              "com/example/heartbeat/HeartbeatCaptureFactory$1.class");
    }

    String plugins =
        only("trafficstatus/plugins.sh", "java").run(Map.of(), COMMAND_LIMIT, workspace.log("plugins"));
    assertThat(plugins.lines().filter(line -> line.startsWith("capture: ")))
        .singleElement(InstanceOfAssertFactories.STRING)
        .contains("jersey (", "heartbeat (com.example.heartbeat.HeartbeatCaptureFactory)");

    int port = JarProcess.freePort();
    int adminPort = JarProcess.freePort();
    StatusClient client = new StatusClient(port, adminPort);
    try (ReadmeCommand.Running server =
        only("trafficstatus/run-heartbeat.sh", "java")
            .start(ports(port, adminPort), workspace.log("heartbeat-run"))) {
      server.awaitAnswer(client.pageUrl(), START_LIMIT);
      assertThat(server.output()).contains("; heartbeat (a beat every 5 seconds)");
      client.awaitRoute(
          "heartbeat:process", "a beat", route -> route.get("requests").asLong() >= 1);
      assertThat(client.routes().get("heartbeat:process").get("name").asText()).isEqualTo("Process");
      assertThat(client.groups()).containsEntry("heartbeat:process", "Heartbeats");
      server.stop();
    }
  }

  /** The commands of a {@code .sh} block, each to run in the folder the block's name lies in. */
  private List<ReadmeCommand> commands(String block) {
    Path folder = workspace.root().resolve(block).getParent();
    return readme.commands(block).stream()
        .map(words -> new ReadmeCommand(block, folder, words))
        .toList();
  }

  /** The one command of a block, which runs the program the test expects there. */
  private ReadmeCommand only(String block, String program) {
    List<ReadmeCommand> commands = commands(block);
    assertThat(commands).as("the commands of %s", block).hasSize(1);
    assertThat(commands.get(0).words()).as("the command of %s", block).first().isEqualTo(program);
    return commands.get(0);
  }

  private String repository() {
    return "-Dmaven.repo.local=" + workspace.repository();
  }

  /** The README's config files read their ports from the environment, as the shipped one does. */
  private static Map<String, String> ports(int port, int adminPort) {
    return Map.of("PORT", String.valueOf(port), "ADMIN_PORT", String.valueOf(adminPort));
  }

  /** How many tests of a class a project's build ran, all passed, from its surefire report. */
  private static int testsRun(Path project, String testClass) throws Exception {
    Path report = project.resolve("target/surefire-reports/TEST-" + testClass + ".xml");
    assertThat(report).as("the build ran %s", testClass).exists();
    String xml = Files.readString(report, StandardCharsets.UTF_8);
    for (String clean : List.of("failures", "errors", "skipped")) {
      assertThat(attribute(xml, clean)).as("%s of %s", clean, testClass).isZero();
    }
    return attribute(xml, "tests");
  }

  private static int attribute(String xml, String name) {
    Matcher value = Pattern.compile("<testsuite [^>]*\\b" + name + "=\"(\\d+)\"").matcher(xml);
    assertThat(value.find()).as("%s in a surefire report", name).isTrue();
    return Integer.parseInt(value.group(1));
  }
}
