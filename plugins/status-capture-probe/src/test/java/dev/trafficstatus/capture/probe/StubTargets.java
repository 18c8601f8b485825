package dev.trafficstatus.capture.probe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Targets to probe, on loopback with the JDK's own HTTP server: up (200), unavailable (503), a
 * redirect to up, a redirect anywhere, an answer slower than a probe's timeout, one that never
 * comes until closed, and one behind basic auth. Counts requests per path and how many were being
 * answered at once.
 */
final class StubTargets implements AutoCloseable {

  /** The user info {@code /auth} accepts. */
  static final String CREDENTIALS = "probe:s3cret";

  private final HttpServer server;
  private final ExecutorService handlers;
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final Queue<String> methods = new ConcurrentLinkedQueue<>();
  private final AtomicInteger answering = new AtomicInteger();
  private final AtomicInteger mostAnswering = new AtomicInteger();

  /**
   * @param slow how long {@code /slow} takes to answer 200
   */
  StubTargets(Duration slow) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    handlers =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "stub-target");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(handlers);
    handle("/up", exchange -> answer(exchange, 200));
    handle("/down", exchange -> answer(exchange, 503));
    handle(
        "/redirect",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "/up");
          answer(exchange, 302);
        });
    handle(
        "/redirect-to",
        exchange -> {
          String query = exchange.getRequestURI().getRawQuery();
          exchange.getResponseHeaders()
              .add("Location", URLDecoder.decode(query.substring("to=".length()), StandardCharsets.UTF_8));
          answer(exchange, 302);
        });
    handle(
        "/slow",
        exchange -> {
          pause(slow);
          answer(exchange, 200);
        });
    handle(
        "/hang",
        exchange -> {
          closing.await();
          answer(exchange, 200);
        });
    handle(
        "/auth",
        exchange -> {
          String expected =
              "Basic " + Base64.getEncoder().encodeToString(CREDENTIALS.getBytes(StandardCharsets.UTF_8));
          answer(exchange, expected.equals(exchange.getRequestHeaders().getFirst("Authorization")) ? 200 : 401);
        });
    server.start();
  }

  /** A handler that may wait. */
  private interface Handler {
    void handle(HttpExchange exchange) throws IOException, InterruptedException;
  }

  private void handle(String path, Handler handler) {
    server.createContext(
        path,
        exchange -> {
          hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
          methods.add(exchange.getRequestMethod() + " " + path);
          int now = answering.incrementAndGet();
          mostAnswering.accumulateAndGet(now, Math::max);
          try {
            handler.handle(exchange);
          } catch (InterruptedException closed) {
            Thread.currentThread().interrupt();
            answering.decrementAndGet();
          } finally {
            exchange.close();
          }
        });
  }

  /**
   * Ends the count of this request before answering, so the client's next request never overlaps
   * it.
   */
  private void answer(HttpExchange exchange, int status) throws IOException {
    answering.decrementAndGet();
    boolean head = exchange.getRequestMethod().equals("HEAD");
    byte[] body = "answer".getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static void pause(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis());
  }

  /** A URL of this server, on the loopback address. */
  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** A URL of this server with user info: {@code http://user:password@127.0.0.1:port/path}. */
  String urlWithCredentials(String path) {
    return "http://" + CREDENTIALS + "@127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** A path of this server that redirects to a URL or path. */
  static String redirectTo(String location) {
    return "/redirect-to?to=" + URLEncoder.encode(location, StandardCharsets.UTF_8);
  }

  /** A loopback URL where nothing listens: connecting is refused. */
  static String refusedUrl() throws IOException {
    try (ServerSocket closedAgain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + closedAgain.getLocalPort() + "/";
    }
  }

  int hits(String path) {
    AtomicInteger count = hits.get(path);
    return count == null ? 0 : count.get();
  }

  /** Requests seen, as "METHOD /path". */
  Queue<String> methods() {
    return methods;
  }

  /** The most requests this server was answering at once. */
  int mostAnsweredAtOnce() {
    return mostAnswering.get();
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    handlers.shutdownNow();
  }
}
