package dev.trafficstatus.examples;

import java.io.File;
import java.io.IOException;
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
 * One command of a README block, run as its own process in the folder the README runs it in, its
 * output in a log file. Every wait is bounded: a command that outlives its limit is killed with
 * its children, and the test fails with what it printed.
 *
 * <p>{@code mvn} is Maven from the PATH, as a user would run it; {@code java} is the JDK running
 * the test, so the apps run on the Java the build chose.
 */
final class ReadmeCommand {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String block;
  private final Path folder;
  private final List<String> words;

  /**
   * @param block the README block it comes from, for messages
   * @param folder where it runs
   * @param words the command as the README writes it
   */
  ReadmeCommand(String block, Path folder, List<String> words) {
    if (words.isEmpty()) {
      throw new IllegalArgumentException(block + ": an empty command");
    }
    this.block = block;
    this.folder = folder;
    this.words = List.copyOf(words);
  }

  /** The command as the README writes it. */
  List<String> words() {
    return words;
  }

  /** This command with options added at its end, such as Maven's {@code -o}. */
  ReadmeCommand with(String... options) {
    List<String> longer = new ArrayList<>(words);
    longer.addAll(List.of(options));
    return new ReadmeCommand(block, folder, longer);
  }

  /**
   * Runs the command to its end.
   *
   * @param env variables added to the environment
   * @param limit how long it may take at most: a liveness bound, generous
   * @param log where its output goes
   * @return its output
   * @throws AssertionError when it fails or outlives the limit
   */
  String run(Map<String, String> env, Duration limit, Path log) throws Exception {
    Process process = launch(env, log);
    try {
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(this + " did not end within " + limit + "; output:\n" + tail(log));
      }
      if (process.exitValue() != 0) {
        throw new AssertionError(
            this + " failed with exit code " + process.exitValue() + "; output:\n" + tail(log));
      }
      return Files.readString(log, StandardCharsets.UTF_8);
    } finally {
      kill(process);
    }
  }

  /**
   * Starts a command that runs until stopped, such as a Dropwizard {@code server}.
   *
   * @param env variables added to the environment, such as PORT
   * @param log where its output goes
   * @return the running process
   */
  Running start(Map<String, String> env, Path log) throws IOException {
    return new Running(launch(env, log), log);
  }

  private Process launch(Map<String, String> env, Path log) throws IOException {
    List<String> command = new ArrayList<>(words);
    command.set(0, executable(words.get(0)));
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // The outer build's Maven must not pick the nested one's project folder.
    builder.environment().remove("MAVEN_BASEDIR");
    builder.environment().putAll(env);
    return builder.start();
  }

  private String executable(String program) {
    return switch (program) {
      case "java" -> Path.of(System.getProperty("java.home"), "bin", "java").toString();
      case "mvn" -> onPath("mvn");
      default ->
          throw new AssertionError(block + ": runs " + program + "; the README test knows mvn and java");
    };
  }

  private String onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new AssertionError(
        program + " is not on the PATH (" + System.getenv("PATH") + "): the README's " + block
            + " runs it, as a user would; install Maven 3.8+ and put its bin/ on the PATH");
  }

  private static void kill(Process process) throws InterruptedException {
    if (process.isAlive()) {
      // Maven forks test JVMs: end them too, or they outlive the test.
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static String tail(Path log) throws IOException {
    String output = Files.readString(log, StandardCharsets.UTF_8);
    return output.length() <= 20_000 ? output : "…" + output.substring(output.length() - 20_000);
  }

  @Override
  public String toString() {
    return "`" + String.join(" ", words) + "` (README block " + block + ", in " + folder + ")";
  }

  /** A command that runs until stopped. */
  final class Running implements AutoCloseable {

    private final Process process;
    private final Path log;

    private Running(Process process, Path log) {
      this.process = process;
      this.log = log;
    }

    /**
     * Waits until a URL answers (any status), while the process runs.
     *
     * @throws AssertionError when the process ends or the limit passes first
     */
    void awaitAnswer(String url, Duration limit) throws Exception {
      long deadline = System.nanoTime() + limit.toNanos();
      while (System.nanoTime() < deadline && process.isAlive()) {
        try {
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.discarding());
          return;
        } catch (IOException notYet) {
          Thread.sleep(250);
        }
      }
      String why =
          process.isAlive()
              ? "did not answer within " + limit
              : "did not answer: it ended with exit code " + process.exitValue();
      throw new AssertionError(
          url + " " + why + " (" + ReadmeCommand.this + "); output:\n" + tail(log));
    }

    /** What it printed so far. */
    String output() throws IOException {
      return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Stops it as a service manager would (SIGTERM), bounded. */
    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        kill(process);
        throw new AssertionError(ReadmeCommand.this + " did not stop within 60s of SIGTERM");
      }
    }

    @Override
    public void close() {
      try {
        kill(process);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
