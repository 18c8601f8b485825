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

  /**
   * GETs a path as a patient client does: a 503 with {@code Retry-After} (what is asked for is
   * being read in the background) is asked again after the time it names, for 30 seconds at most.
   *
   * @param path such as {@code /status/history}
   * @param headers name, value, name, value…
   * @return the first response that is not such a 503, or the last one
   */
  HttpResponse<byte[]> getWhenReady(String path, String... headers) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      HttpResponse<byte[]> response = get(path, headers);
      var retry = response.headers().firstValueAsLong("Retry-After");
      if (response.statusCode() != 503 || retry.isEmpty() || System.nanoTime() > deadline) {
        return response;
      }
      try {
        Thread.sleep(Math.max(50, Math.min(1_000, retry.getAsLong() * 1_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted: GET " + path, e);
      }
    }
  }
}
