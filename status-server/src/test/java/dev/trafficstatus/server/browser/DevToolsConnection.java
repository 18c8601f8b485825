package dev.trafficstatus.server.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The Chrome DevTools Protocol over one WebSocket to the browser, in flat session mode: commands
 * go out as {@code {id, method, params, sessionId}}, answers come back with the same id, and
 * events carry the session of the tab they belong to. Every wait is bounded.
 */
final class DevToolsConnection implements AutoCloseable {

  /**
   * An event the browser sent.
   *
   * @param sessionId the tab's session, or null for browser-wide events
   * @param method such as {@code Runtime.consoleAPICalled}
   * @param params its parameters
   */
  record Event(String sessionId, String method, JsonNode params) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebSocket socket;
  private final Duration timeout;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
  private final Object sending = new Object();

  private DevToolsConnection(WebSocket socket, Duration timeout, Receiver receiver) {
    this.socket = socket;
    this.timeout = timeout;
    receiver.connection = this;
  }

  /**
   * Connects to a browser's DevTools endpoint.
   *
   * @param endpoint such as {@code ws://127.0.0.1:40123/devtools/browser/…}
   * @param timeout the bound of every wait on this connection
   * @return the connection
   */
  static DevToolsConnection open(URI endpoint, Duration timeout) {
    Receiver receiver = new Receiver();
    try {
      WebSocket socket = HttpClient.newHttpClient()
          .newWebSocketBuilder()
          .connectTimeout(timeout)
          .buildAsync(endpoint, receiver)
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new DevToolsConnection(socket, timeout, receiver);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted connecting to " + endpoint, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot connect to Chromium's DevTools at " + endpoint, e);
    }
  }

  /**
   * Calls a command and waits for its answer.
   *
   * @param sessionId the tab's session, or null for a browser command
   * @param method such as {@code Page.navigate}
   * @param params its parameters
   * @return the command's result
   * @throws IllegalStateException when the browser answers with an error or not in time
   */
  JsonNode call(String sessionId, String method, ObjectNode params) {
    return await(send(sessionId, method, params), method);
  }

  /**
   * Sends a command without waiting for its answer, for use on the receiving thread.
   *
   * @param sessionId the tab's session, or null
   * @param method the command
   * @param params its parameters
   * @return the answer, when it comes
   */
  CompletableFuture<JsonNode> send(String sessionId, String method, ObjectNode params) {
    int id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    if (sessionId != null) {
      message.put("sessionId", sessionId);
    }
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    // A WebSocket takes one message at a time: a second sendText before the first completes fails.
    synchronized (sending) {
      socket.sendText(message.toString(), true).join();
    }
    return answer;
  }

  /**
   * Waits for the first event that matches, which may already be on its way: register before
   * causing it.
   *
   * @param sessionId the tab's session
   * @param method the event
   * @return the event's parameters, when it comes
   */
  CompletableFuture<JsonNode> next(String sessionId, String method) {
    CompletableFuture<JsonNode> seen = new CompletableFuture<>();
    Consumer<Event> listener = new Consumer<>() {
      @Override
      public void accept(Event event) {
        if (method.equals(event.method()) && sessionId.equals(event.sessionId())) {
          listeners.remove(this);
          seen.complete(event.params());
        }
      }
    };
    listeners.add(listener);
    return seen;
  }

  /**
   * Hears every event from now on, on the receiving thread: a listener must not block.
   *
   * @param listener the listener
   */
  void listen(Consumer<Event> listener) {
    listeners.add(listener);
  }

  /**
   * Waits for a future of this connection within its timeout.
   *
   * @param future an answer or event
   * @param what what it is, for the failure message
   * @return its value
   */
  JsonNode await(CompletableFuture<JsonNode> future, String what) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for " + what, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("no " + what + " from Chromium within " + timeout, e);
    }
  }

  private void received(String text) {
    JsonNode message;
    try {
      message = JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("Chromium sent something that is not JSON", e);
    }
    if (message.has("id")) {
      CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
      if (answer == null) {
        return;
      }
      if (message.has("error")) {
        answer.completeExceptionally(new IllegalStateException(message.get("error").toString()));
      } else {
        answer.complete(message.path("result"));
      }
      return;
    }
    Event event = new Event(
        message.hasNonNull("sessionId") ? message.get("sessionId").asText() : null,
        message.path("method").asText(),
        message.path("params"));
    for (Consumer<Event> listener : listeners) {
      listener.accept(event);
    }
  }

  private void closed(Throwable why) {
    IllegalStateException gone = new IllegalStateException("Chromium closed the DevTools connection", why);
    pending.values().forEach(answer -> answer.completeExceptionally(gone));
    pending.clear();
  }

  @Override
  public void close() {
    socket.abort();
    closed(null);
  }

  /** Puts fragmented messages back together and hands each whole one to the connection. */
  private static final class Receiver implements WebSocket.Listener {

    private final StringBuilder partial = new StringBuilder();
    private volatile DevToolsConnection connection;

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String whole = partial.toString();
        partial.setLength(0);
        DevToolsConnection owner = connection;
        if (owner != null) {
          owner.received(whole);
        }
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
      DevToolsConnection owner = connection;
      if (owner != null) {
        owner.closed(null);
      }
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      DevToolsConnection owner = connection;
      if (owner != null) {
        owner.closed(error);
      }
    }
  }
}
