package dev.trafficstatus.capture.jersey;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Sends many GET requests down one HTTP/1.1 connection without waiting for each answer, as a
 * scanner would. About three times faster here than a request-response client, which keeps the
 * 10,000-request test short; the server still handles every request on its own.
 */
final class PipelinedScan {

  private PipelinedScan() {}

  /**
   * Requests every path once and reads every answer.
   *
   * @return how many answers had each status code
   */
  static Map<Integer, Integer> get(int port, List<String> paths) throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      OutputStream out = new BufferedOutputStream(socket.getOutputStream());
      // Written from another thread: the server stops reading once its answers fill the socket.
      CompletableFuture<Void> written = CompletableFuture.runAsync(() -> write(out, paths));
      InputStream in = new BufferedInputStream(socket.getInputStream());
      Map<Integer, Integer> statuses = new TreeMap<>();
      for (int i = 0; i < paths.size(); i++) {
        statuses.merge(readResponse(in), 1, Integer::sum);
      }
      written.join();
      return statuses;
    }
  }

  private static void write(OutputStream out, List<String> paths) {
    try {
      for (String path : paths) {
        String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one response with a Content-Length body and returns its status. */
  private static int readResponse(InputStream in) throws IOException {
    String statusLine = readLine(in);
    int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
    long length = -1;
    for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring("content-length:".length()).trim());
      }
    }
    if (length < 0) {
      throw new IllegalStateException("expected a Content-Length after " + statusLine);
    }
    in.skipNBytes(length);
    return status;
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed mid-response");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }
}
