package dev.trafficstatus.server.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Fetches pages over real HTTP with exactly the headers given: the JDK client neither asks for
 * nor undoes compression, so tests see the bytes the server sent.
 */
final class PageFetcher {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String origin;

  /**
   * @param port the app's HTTP port
   */
  PageFetcher(int port) {
    this.origin = "http://127.0.0.1:" + port;
  }

  /**
   * GETs a path.
   *
   * @param path such as {@code /status?days=30}
   * @param headers name, value, name, value…
   * @return the response, body as sent
   */
  HttpResponse<byte[]> get(String path, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: GET " + path, e);
    }
  }
}
