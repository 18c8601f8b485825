package dev.trafficstatus.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw HTTP to a running app, as FlaskStatus's Python clients and curl talk to it: any method with any
 * body bytes and headers (Jersey's client refuses a DELETE with a body), answers read as text.
 */
final class ApiClient {

  /** What came back. */
  record Answer(int status, String contentType, String wwwAuthenticate, String body) {

    JsonNode json() {
      try {
        return new ObjectMapper().readTree(body);
      } catch (IOException notJson) {
        throw new AssertionError("not JSON (" + status + "): " + body, notJson);
      }
    }

    String error() {
      JsonNode error = json().get("error");
      if (error == null || !error.isTextual()) {
        throw new AssertionError("no error field (" + status + "): " + body);
      }
      return error.asText();
    }
  }

  /** One client for every test: each HttpClient has a selector thread and a connection pool. */
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  /**
   * @param base such as {@code http://localhost:8080}
   */
  ApiClient(String base) {
    this.base = base;
  }

  Answer send(String method, String pathAndQuery, byte[] body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      HttpResponse<String> response = sendRetryingStaleConnection(request.build());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("WWW-Authenticate").orElse(null),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + pathAndQuery, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends a request, again once if the pooled connection it went out on turned out to be closed
   * already (the server ends a connection after some refusals, such as a body too large to read;
   * the client may have picked that connection before it saw the close). Nothing was answered on
   * such a connection, so the request was not handled; a server that really does not answer fails
   * the second try too.
   */
  private static HttpResponse<String> sendRetryingStaleConnection(HttpRequest request)
      throws IOException, InterruptedException {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException closed) {
      if (closed.getMessage() == null || !closed.getMessage().contains("received no bytes")) {
        throw closed;
      }
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
  }

  Answer send(String method, String pathAndQuery, String json, String... headers) {
    return send(method, pathAndQuery, json == null ? null : json.getBytes(StandardCharsets.UTF_8), headers);
  }

  /** A JSON request with the bearer token, as FlaskStatus's {@code requests.put(..., json=...)}. */
  Answer authorized(String method, String path, String json, String token) {
    List<String> headers = new ArrayList<>(List.of("Authorization", "Bearer " + token));
    if (json != null) {
      headers.addAll(List.of("Content-Type", "application/json"));
    }
    return send(method, path, json, headers.toArray(String[]::new));
  }

  /**
   * Sends bytes as they are, for requests no HTTP client library would build (malformed headers,
   * lying lengths), and reads the status line of whatever comes back.
   *
   * @param request the whole request: request line, headers, blank line and body
   * @return the status code, or -1 when the server closed without answering
   */
  int raw(byte[] request) {
    URI uri = URI.create(base);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      try {
        socket.getOutputStream().write(request);
        socket.shutdownOutput();
      } catch (IOException refusedMidway) {
        // The server may answer and close before it has read everything: read what it said.
      }
      String head = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
      return head.startsWith("HTTP/1.1 ") ? Integer.parseInt(head.substring(9, 12)) : -1;
    } catch (IOException e) {
      throw new UncheckedIOException("raw request", e);
    }
  }

  Answer get(String path, String... headers) {
    return send("GET", path, (byte[]) null, headers);
  }
}
