package dev.trafficstatus.notify.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP receiver on the loopback address (the JDK's server), keeping every request it got
 * and answering as the test says: a status, headers and a body, or no answer until released.
 */
final class LocalReceiver implements AutoCloseable {

  /** One request as received. */
  record Received(String method, String path, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  /** How to answer. */
  record Answer(int status, Map<String, String> headers, String body, boolean hang) {
    static Answer status(int status) {
      return new Answer(status, Map.of(), "", false);
    }

    static Answer of(int status, String body, Map<String, String> headers) {
      return new Answer(status, headers, body, false);
    }

    static Answer hanging() {
      return new Answer(0, Map.of(), "", true);
    }
  }

  private final HttpServer server;
  private final List<Received> received = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile Function<Received, Answer> answers = request -> Answer.status(200);

  LocalReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "local-receiver");
      thread.setDaemon(true);
      return thread;
    }));
    server.createContext("/", this::handle);
    server.start();
  }

  /** Answers every request from now on as the function says. */
  void answer(Function<Received, Answer> answers) {
    this.answers = answers;
  }

  /** The URL of a path on this receiver, such as {@code /hooks/ops}. */
  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** What it got, oldest first. */
  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new TreeMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
    Received request =
        new Received(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath(),
            headers,
            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    synchronized (this) {
      received.add(request);
    }
    Answer answer = answers.apply(request);
    if (answer.hang()) {
      try {
        release.await();
      } catch (InterruptedException stopped) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
  }
}
