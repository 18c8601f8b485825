package dev.trafficstatus.server.statuspage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Real HTTP to a running app, with exactly the headers given; bodies read as sent. */
final class HttpCalls {

  /** What came back. */
  record Answer(int status, HttpResponse<byte[]> response) {

    String body() {
      return new String(response.body(), StandardCharsets.UTF_8);
    }

    JsonNode json() {
      try {
        return new ObjectMapper().readTree(response.body());
      } catch (IOException notJson) {
        throw new AssertionError("not JSON (" + status + "): " + body(), notJson);
      }
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String origin;

  HttpCalls(int port) {
    this.origin = "http://127.0.0.1:" + port;
  }

  String origin() {
    return origin;
  }

  Answer get(String path, String... headers) {
    return send("GET", path, null, headers);
  }

  /** A request with the bearer token and, when there is a body, JSON's Content-Type. */
  Answer authorized(String method, String path, String json, String token) {
    List<String> headers = new ArrayList<>(List.of("Authorization", "Bearer " + token));
    if (json != null) {
      headers.addAll(List.of("Content-Type", "application/json"));
    }
    return send(method, path, json == null ? null : json.getBytes(StandardCharsets.UTF_8),
        headers.toArray(String[]::new));
  }

  Answer send(String method, String path, byte[] body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
