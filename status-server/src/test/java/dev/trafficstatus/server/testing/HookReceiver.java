package dev.trafficstatus.server.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP receiver of notifications on the loopback address (the JDK's server): it keeps every
 * request it got and answers as the test says, a status with headers and a body, or nothing at all
 * until {@link #close()}, like a receiver that hangs.
 */
public final class HookReceiver implements AutoCloseable {

  /**
   * One request as received.
   *
   * @param path the request's path
   * @param headers its headers, names in lower case
   * @param body its body
   */
  public record Request(String path, Map<String, String> headers, String body) {

    /**
     * A header's value.
     *
     * @param name the header's name, in any case
     * @return the value, or null
     */
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * How to answer one request.
   *
   * @param status the status code, or 0 to hang
   * @param body the body
   */
  public record Answer(int status, String body) {

    /** Answers 200 with no body. */
    public static final Answer OK = new Answer(200, "");

    /** Answers nothing until the receiver closes. */
    public static final Answer HANG = new Answer(0, "");
  }

  private final HttpServer server;
  private final ExecutorService threads;
  private final List<Request> received = new ArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile Function<Request, Answer> answers = request -> Answer.OK;

  /**
   * Starts listening on a free port of the loopback address.
   *
   * @throws IOException when it cannot
   */
  public HookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    threads = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "hook-receiver");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Answers every request from now on as the function says.
   *
   * @param answers the answer to each request
   */
  public void answer(Function<Request, Answer> answers) {
    this.answers = answers;
  }

  /**
   * The URL of a path on this receiver.
   *
   * @param path such as {@code /hooks/ops}
   * @return {@code http://127.0.0.1:<port><path>}
   */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /**
   * Every request it got, oldest first.
   *
   * @return the requests
   */
  public synchronized List<Request> received() {
    return List.copyOf(received);
  }

  /**
   * The requests it got on a path, oldest first.
   *
   * @param path the path
   * @return the requests
   */
  public List<Request> received(String path) {
    return received().stream().filter(request -> request.path().equals(path)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new TreeMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
    Request request =
        new Request(
            exchange.getRequestURI().getRawPath(),
            headers,
            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    synchronized (this) {
      received.add(request);
    }
    Answer answer = answers.apply(request);
    if (answer.status() == 0) {
      try {
        closed.await();
      } catch (InterruptedException stopping) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Lets hanging requests go and stops listening. */
  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
