package dev.trafficstatus.bench.request;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.LocalConnector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full request path of a Dropwizard app, in memory: the bench app ({@code BenchApp}: the status
 * bundle, a trivial resource) behind Jetty's {@link LocalConnector}, one keep-alive connection, one
 * request at a time. Each operation writes the raw bytes of {@code GET /plain} (or {@code GET
 * /timed}) into the connection, Jetty parses them and runs its handlers, Dropwizard's and Jersey's
 * on one of the server's threads, and the benchmark thread waits for the whole response and checks
 * it is a 200. No socket, no client process: what varies between modes is what observes the
 * request.
 *
 * <p>{@code mode}: {@code off} (the bundle, no capture), {@code on} (the Jersey capture) or {@code
 * timed} (no capture, {@code @Timed} on the resource). Run the modes in alternating forks with
 * {@link RequestPathRounds}, which also adds the allocation ({@code -prof gc}) and CPU time ({@link
 * CpuTimeProfiler}) per request. Tear-down checks the mode really ran: with the capture on, it
 * counted every request; otherwise it counted none; {@code @Timed} timed every timed request.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class RequestPathBenchmark {

  /** Which of {@link CaptureMode} runs: off, on or timed. */
  @Param({"off", "on", "timed"})
  public String mode;

  private CaptureMode captureMode;
  private InProcessApp app;
  private LocalConnector.LocalEndPoint connection;
  private ByteBuffer request;
  private long served;

  /**
   * Starts the app and opens the connection.
   *
   * @throws Exception when the app cannot start or does not answer 200
   */
  @Setup(Level.Trial)
  public void start() throws Exception {
    captureMode = CaptureMode.named(mode);
    app = InProcessApp.start(captureMode);
    connection = app.connector().connect();
    request =
        ByteBuffer.wrap(
            ("GET " + captureMode.path() + " HTTP/1.1\r\nHost: bench\r\nAccept: text/plain\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    request();
  }

  /**
   * One request and its whole response.
   *
   * @return the response, so nothing of it is optimised away
   * @throws Exception when no response comes within 10 s
   */
  @Benchmark
  public String request() throws Exception {
    connection.addInputAndExecute(request.duplicate());
    String response = connection.getResponse();
    if (response == null || !response.startsWith("HTTP/1.1 200")) {
      throw new IllegalStateException("expected a 200, got " + response);
    }
    served++;
    return response;
  }

  /**
   * Stops the app, then checks that the mode observed what it should have.
   *
   * @throws Exception when it cannot stop, or the mode did not run as named
   */
  @TearDown(Level.Trial)
  public void stop() throws Exception {
    connection.close();
    app.close();
    long captured = app.capturedRequests();
    long timed = app.timedRequests();
    boolean ranAsNamed =
        switch (captureMode) {
          case OFF -> captured == 0 && timed == 0;
          case ON -> captured >= served && timed == 0;
          case TIMED -> captured == 0 && timed >= served;
        };
    if (!ranAsNamed) {
      throw new IllegalStateException(
          "mode %s served %d requests but the capture counted %d and @Timed %d"
              .formatted(mode, served, captured, timed));
    }
  }
}
