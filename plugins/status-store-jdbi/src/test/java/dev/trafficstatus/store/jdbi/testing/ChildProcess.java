package dev.trafficstatus.store.jdbi.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another JVM on this test class path, running a main class of the tests: a second process, as
 * H2's file lock and the working directory need. Closing it closes the child's standard input (the
 * children here stop on that) and waits for it to exit.
 */
public final class ChildProcess implements AutoCloseable {

  private final Process process;
  private final BufferedReader output;

  private ChildProcess(Process process) {
    this.process = process;
    this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /**
   * Starts {@code main} in a new JVM.
   *
   * @param workingDirectory the child's working directory
   * @param main the class whose main method runs
   * @param args its arguments
   * @return the running child
   * @throws IOException when it cannot be started
   */
  public static ChildProcess start(Path workingDirectory, Class<?> main, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    return new ChildProcess(
        new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true).start());
  }

  /**
   * Waits for a line of the child's output that starts with a word, echoing what comes before.
   *
   * @param word the start of the line
   * @return the line
   * @throws IOException when the child ended first
   */
  public String awaitLine(String word) throws IOException {
    for (String line = output.readLine(); line != null; line = output.readLine()) {
      if (line.startsWith(word)) {
        return line;
      }
      System.out.println("child: " + line);
    }
    throw new IOException("the child process ended before it said \"" + word + "\"");
  }

  /**
   * Kills the child at once, as a crash would: it releases nothing it held.
   *
   * @throws InterruptedException when interrupted while waiting for it to end
   */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the child process did not die within 60 s");
    }
  }

  @Override
  public void close() throws Exception {
    if (!process.isAlive()) {
      return;
    }
    process.getOutputStream().close();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the child process did not stop within 60 s");
    }
  }
}
