package dev.trafficstatus.server.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A runnable jar started as its own process, the way the README tells people to run it: its
 * output goes to a log file in the working directory, and every wait is bounded.
 */
public final class JarProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final Path log;

  private JarProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code java -jar <jar> <args>}.
   *
   * @param jar the jar
   * @param workDir the working directory (where {@code ./data} goes)
   * @param env extra environment variables, such as PORT
   * @param args the command line after the jar
   * @return the running process
   * @throws IOException when it cannot start
   */
  public static JarProcess start(Path jar, Path workDir, Map<String, String> env, String... args)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    Path log = Files.createTempFile(workDir, "out-" + args[0] + "-", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    return new JarProcess(builder.start(), log);
  }

  /**
   * A port nothing listens on right now.
   *
   * @return the port
   * @throws IOException when no port can be had
   */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * Waits for the process to end by itself.
   *
   * @param limit how long to wait at most
   * @return its exit code
   * @throws AssertionError when it is still running after the limit
   */
  public int waitForExit(Duration limit) throws InterruptedException, IOException {
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("still running after " + limit + "; output:\n" + output());
    }
    return process.exitValue();
  }

  /**
   * Waits until a URL answers with anything but 503 (the store starts in the background), while
   * the process runs.
   *
   * @param url the URL
   * @param limit how long to wait at most
   * @return the first answer that is not a 503, or the last 503 when the limit passed
   * @throws AssertionError when the process dies or the limit passes first
   */
  public HttpResponse<String> awaitAnswer(String url, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    HttpResponse<String> last = null;
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        last = HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        // 503 with Retry-After: the store starts in the background (slowly on a busy machine).
        if (last.statusCode() != 503) {
          return last;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(250);
    }
    if (last != null) {
      return last;
    }
    throw new AssertionError(url + " did not answer within " + limit + "; output:\n" + output());
  }

  /**
   * What the process printed so far.
   *
   * @return its output
   */
  public String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /**
   * Stops the process as a service manager would (SIGTERM) and waits for it to exit.
   *
   * @return its exit code
   */
  public int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("did not stop within 60s of SIGTERM");
    }
    return process.exitValue();
  }

  /**
   * Kills the process without warning (SIGKILL), as a crash or the OOM killer would, and waits
   * until it is gone.
   *
   * @return its exit code
   */
  public int kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("still running 30s after SIGKILL");
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
