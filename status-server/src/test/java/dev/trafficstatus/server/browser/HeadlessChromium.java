package dev.trafficstatus.server.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A headless Chromium driven over the DevTools Protocol, with no dependency beyond the JDK and
 * Jackson: the one {@link ChromiumLocator} finds ({@code CHROME_BIN}, else the PATH; Debian's
 * {@code chromium} package in CI), started with a fresh profile and
 * {@code --remote-debugging-port=0}; the port it picked is read from the profile's
 * {@code DevToolsActivePort} file.
 *
 * <p>Chromium missing is a failure with instructions, never a skip: CI installs it
 * ({@code .ci/run}), and a skipped browser test would hide a broken page. {@link #close()} ends the
 * browser and every process it started, and deletes the profile.
 */
public final class HeadlessChromium implements AutoCloseable {

  /** The bound of every wait: start-up, each command, each page load. */
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path profile;
  private final Path log;
  private final DevToolsConnection connection;

  private HeadlessChromium(Process process, Path profile, Path log, DevToolsConnection connection) {
    this.process = process;
    this.profile = profile;
    this.log = log;
    this.connection = connection;
  }

  /**
   * Starts the Chromium of {@code CHROME_BIN} or the PATH.
   *
   * @param logFile where the browser's own output goes, for diagnosing a failed start
   * @return the running browser
   * @throws IllegalStateException when Chromium is not installed or does not start in time
   */
  public static HeadlessChromium launch(Path logFile) {
    return launch(ChromiumLocator.locate(System.getenv()), logFile);
  }

  /**
   * Starts a Chromium executable.
   *
   * @param executable the browser, such as {@code /usr/bin/chromium}
   * @param logFile where the browser's own output goes
   * @return the running browser
   * @throws IllegalStateException when the executable is missing or does not start in time
   */
  public static HeadlessChromium launch(Path executable, Path logFile) {
    if (!Files.isExecutable(executable)) {
      throw new IllegalStateException("Chromium is missing: the browser test of the status page needs "
          + executable + ". Run .ci/run, or install it with `apt-get install chromium`.");
    }
    Path profile;
    Process process;
    try {
      Files.createDirectories(logFile.toAbsolutePath().getParent());
      profile = Files.createTempDirectory("trafficstatus-chromium-");
      process = new ProcessBuilder(command(executable, profile))
          .redirectErrorStream(true)
          .redirectOutput(logFile.toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + executable, e);
    }
    try {
      URI endpoint = awaitEndpoint(process, profile, logFile);
      return new HeadlessChromium(process, profile, logFile, DevToolsConnection.open(endpoint, TIMEOUT));
    } catch (RuntimeException failed) {
      stop(process, Duration.ZERO);
      deleteQuietly(profile);
      throw failed;
    }
  }

  private static List<String> command(Path executable, Path profile) {
    return List.of(
        executable.toString(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        // Containers often have a tiny /dev/shm; Chromium then crashes tabs without this.
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--window-size=1200,900",
        "--user-data-dir=" + profile,
        "--remote-debugging-port=0",
        "about:blank");
  }

  /** Reads the port and path Chromium writes once it listens: "40123\n/devtools/browser/…". */
  private static URI awaitEndpoint(Process process, Path profile, Path logFile) {
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Chromium exited with " + process.exitValue()
            + " before listening; its output:\n" + tail(logFile));
      }
      Optional<URI> endpoint = endpoint(portFile);
      if (endpoint.isPresent()) {
        return endpoint.get();
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for Chromium", e);
      }
    }
    throw new IllegalStateException(
        "Chromium did not listen within " + TIMEOUT + "; its output:\n" + tail(logFile));
  }

  private static Optional<URI> endpoint(Path portFile) {
    try {
      List<String> lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
      if (lines.size() < 2 || lines.get(1).isBlank()) {
        return Optional.empty();
      }
      return Optional.of(URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim()));
    } catch (IOException notWrittenYet) {
      return Optional.empty();
    }
  }

  /**
   * Opens a new tab with a viewport of the given size.
   *
   * @param width the viewport width in CSS pixels
   * @param height the viewport height in CSS pixels
   * @return the tab
   */
  public BrowserTab newTab(int width, int height) {
    String target = connection.call(null, "Target.createTarget",
        JSON.createObjectNode().put("url", "about:blank")).get("targetId").asText();
    String session = connection.call(null, "Target.attachToTarget",
        JSON.createObjectNode().put("targetId", target).put("flatten", true)).get("sessionId").asText();
    BrowserTab tab = new BrowserTab(connection, target, session);
    tab.resize(width, height, false);
    return tab;
  }

  /**
   * Closes a tab.
   *
   * @param tab a tab of this browser
   */
  public void closeTab(BrowserTab tab) {
    connection.call(null, "Target.closeTarget", JSON.createObjectNode().put("targetId", tab.targetId()));
  }

  /** The browser's own output so far, for failure messages. */
  public String output() {
    return tail(log);
  }

  @Override
  public void close() {
    try {
      ObjectNode none = JSON.createObjectNode();
      connection.send(null, "Browser.close", none);
    } catch (RuntimeException alreadyGone) {
      // Closing anyway: the process is ended below whether or not it heard the request.
    }
    connection.close();
    stop(process, Duration.ofSeconds(5));
    deleteQuietly(profile);
  }

  /**
   * Ends the browser and every process it started (renderers, GPU, zygotes): waits for it to quit
   * by itself for {@code grace}, then terminates, then kills.
   */
  private static void stop(Process process, Duration grace) {
    // Collected first: once the browser is gone its children are no longer its descendants.
    List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroy();
      }
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    family.addAll(process.descendants().toList());
    for (ProcessHandle child : family) {
      child.destroyForcibly();
    }
  }

  private static void deleteQuietly(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException leftBehind) {
      // A temporary profile left behind costs disk space only; the test result stands.
    }
  }

  private static String tail(Path logFile) {
    try {
      List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }
}
