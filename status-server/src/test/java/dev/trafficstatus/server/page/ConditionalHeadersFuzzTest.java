package dev.trafficstatus.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.server.testapp.NinetyDaySeed;
import dev.trafficstatus.server.testapp.StatusOnlyApp;
import dev.trafficstatus.testkit.MutableClock;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * Malformed conditional headers on the page, its JSON and its assets: whatever a client sends in
 * {@code If-None-Match} (and its siblings), the answer is 200 or 304 (or 400/404 where the request
 * itself is bad), never a 5xx, and nothing is logged with a stack trace. The requests go over a raw
 * socket, so the headers reach the server exactly as written.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConditionalHeadersFuzzTest {

  static final DropwizardAppExtension<StatusConfiguration> APP = StatusOnlyApp.extension(
      "conditional-fuzz", new MutableClock(NinetyDaySeed.NOW), Map.of("logging.level", "INFO"));

  /** Jersey's evaluatePreconditions threw on each of these: a 500 and an 8 KB stack trace. */
  private static final List<String> KNOWN_BAD = List.of(
      "x", "\"x", "W/", "W/\"", "\"", "W/x", "*, x", "\"a\" \"b\"", ",", ", ,", "\"a\",", "W/W/\"a\"",
      "W/ \"a\"", "\"a\"junk", "\"\\\"\"", "*\"a\"", "w/\"a\"", "\"a\";q=1", "é", "\"é\"", "\t",
      "\"" + "a".repeat(4_000), "*".repeat(100));

  private static final String[] PARTS = {
    "\"", "W/", "w/", "*", ",", " ", "\t", ";", "=", "x", "a-b", "html-90-", "é", "\\", "/", "%00", "0"
  };

  private static final List<String> PATHS = List.of(
      "/status", "/status?days=30", "/status?days=7", "/status/assets/status.css",
      "/status/assets/status.js", "/status/assets/nope.css");

  private static final List<String> HEADERS = List.of(
      "If-None-Match", "If-Match", "If-Modified-Since", "If-Unmodified-Since", "If-Range");

  private static final ListAppender<ILoggingEvent> LOGGED = new ListAppender<>();

  private static Logger root() {
    return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
  }

  @BeforeAll
  static void seedAndListen() {
    NinetyDaySeed.writeTo(StatusOnlyApp.store(APP));
    StatusOnlyApp.showWhatWasWritten(APP);
    LOGGED.start();
    root().addAppender(LOGGED);
  }

  @AfterAll
  static void stopListening() {
    root().detachAppender(LOGGED);
  }

  /** Sends one request as written; returns the status code. */
  private static int send(String path, String accept, String header, String value) {
    try (Socket socket = new Socket("127.0.0.1", APP.getLocalPort())) {
      socket.setSoTimeout(30_000);
      String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
          + "Accept: " + accept + "\r\n" + header + ": " + value + "\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
        line.write(b);
      }
      in.readAllBytes();
      String status = line.toString(StandardCharsets.ISO_8859_1);
      if (!status.startsWith("HTTP/1.1 ")) {
        throw new AssertionError("no status line for " + header + ": " + value + " on " + path + ": " + status);
      }
      return Integer.parseInt(status.substring(9, 12));
    } catch (IOException e) {
      throw new UncheckedIOException(path + " with " + header + ": " + value, e);
    }
  }

  private static List<String> values() {
    List<String> values = new ArrayList<>(KNOWN_BAD);
    Random random = new Random(14_4);
    for (int i = 0; i < 150; i++) {
      StringBuilder value = new StringBuilder();
      int parts = 1 + random.nextInt(6);
      for (int p = 0; p < parts; p++) {
        value.append(PARTS[random.nextInt(PARTS.length)]);
      }
      values.add(value.toString().strip().isEmpty() ? "x" + value : value.toString());
    }
    return values;
  }

  @Test
  void noConditionalHeaderMakesAServerErrorOrALoggedStackTrace() {
    int sent = 0;
    List<String> failures = new ArrayList<>();
    for (String value : values()) {
      for (String path : PATHS) {
        String header = HEADERS.get(sent % HEADERS.size());
        for (String field : List.of("If-None-Match", header)) {
          for (String accept : List.of("text/html", "application/json")) {
            int status = send(path, accept, field, value);
            sent++;
            boolean expected = path.endsWith("nope.css") ? status == 404 : status == 200 || status == 304;
            if (!expected) {
              failures.add(status + " for " + field + ": " + value + " on " + path + " (" + accept + ")");
            }
          }
        }
      }
    }

    assertThat(failures).isEmpty();
    assertThat(sent).isGreaterThan(4_000);
    assertThat(LOGGED.list).as("logged with a stack trace or as an error")
        .filteredOn(event -> event.getThrowableProxy() != null || event.getLevel().isGreaterOrEqual(Level.ERROR))
        .isEmpty();
  }

  @Test
  void aListHoldingTheCurrentTagAmongBrokenOnesIsNotModified() {
    HttpHeadersOf page = HttpHeadersOf.get(APP.getLocalPort(), "/status");
    String etag = page.etag();

    assertThat(send("/status", "text/html", "If-None-Match", "x, W/, \"y\", " + etag)).isEqualTo(304);
    assertThat(send("/status", "text/html", "If-None-Match", "W/, *")).isEqualTo(304);
    assertThat(send("/status", "text/html", "If-None-Match", "\"" + etag)).isEqualTo(200);
    String asset = HttpHeadersOf.get(APP.getLocalPort(), "/status/assets/status.css").etag();
    assertThat(send("/status/assets/status.css", "text/css", "If-None-Match", "x, " + asset))
        .isEqualTo(304);
    assertThat(send("/status/assets/status.css", "text/css", "If-None-Match", "W/")).isEqualTo(200);
  }

  /** The ETag of a plain GET. */
  private record HttpHeadersOf(String etag) {
    static HttpHeadersOf get(int port, String path) {
      return new HttpHeadersOf(new PageFetcher(port).get(path).headers().firstValue("ETag").orElseThrow());
    }
  }
}
