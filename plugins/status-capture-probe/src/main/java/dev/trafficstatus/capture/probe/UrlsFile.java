package dev.trafficstatus.capture.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Statsig's {@code urls.cfg}: one probe per line as {@code key=url}, the key becoming the probe's
 * name.
 *
 * <pre>
 * # comments and blank lines are ignored
 * google=https://google.com
 * search=https://example.com/search?q=status&amp;lang=en
 * </pre>
 *
 * <p>A line is split at its first {@code =} only, so URLs keep the {@code =} of their query
 * (Statsig's shell script split at every one and cut such URLs short). Keys and URLs are trimmed;
 * a comment is a whole line starting with {@code #} (a {@code #} later in a line belongs to the
 * URL). A malformed line or a key used twice fails with the file and line number.
 */
final class UrlsFile {

  /**
   * One line of the file.
   *
   * @param line the line number, from 1
   * @param key the probe's name
   * @param url the URL, checked
   */
  record Entry(int line, String key, ProbeUrl url) {}

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private UrlsFile() {}

  /**
   * Reads and checks a urls.cfg file (UTF-8).
   *
   * @param path the file
   * @return its entries in file order
   * @throws IllegalArgumentException when the file is missing or a line is malformed
   * @throws UncheckedIOException when the file cannot be read
   */
  static List<Entry> read(Path path) {
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException missing) {
      throw new IllegalArgumentException(
          "urlsFile " + path.toAbsolutePath() + " does not exist (relative paths start from the"
              + " server's working directory)");
    } catch (IOException unreadable) {
      throw new UncheckedIOException("Cannot read urlsFile " + path.toAbsolutePath(), unreadable);
    }
    return parse(path.toString(), lines);
  }

  /**
   * Checks the lines of a urls.cfg file.
   *
   * @param source the file's name, for messages
   * @param lines its lines
   * @return the entries in file order
   * @throws IllegalArgumentException naming the source and line number of the first malformed line
   */
  static List<Entry> parse(String source, List<String> lines) {
    List<Entry> entries = new ArrayList<>();
    Map<String, Integer> firstLineOfKey = new HashMap<>();
    for (int index = 0; index < lines.size(); index++) {
      int number = index + 1;
      String line = lines.get(index).strip();
      if (index == 0 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
        line = line.substring(1).strip();
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int equals = line.indexOf('=');
      if (equals < 0) {
        throw malformed(source, number, "expected key=url, but the line has no '='");
      }
      String key = line.substring(0, equals).strip();
      String url = line.substring(equals + 1).strip();
      if (key.isEmpty()) {
        throw malformed(source, number, "the key before '=' is empty");
      }
      try {
        Probe.checkName(key);
      } catch (IllegalArgumentException badName) {
        throw malformed(source, number, badName.getMessage());
      }
      ProbeUrl checked;
      try {
        checked = ProbeUrl.parse(url);
      } catch (IllegalArgumentException badUrl) {
        throw malformed(source, number, "the URL of '" + key + "' " + badUrl.getMessage());
      }
      Integer first = firstLineOfKey.putIfAbsent(key, number);
      if (first != null) {
        throw malformed(
            source, number, "the key '" + key + "' is already used on line " + first
                + "; each key is one probe and must be unique");
      }
      entries.add(new Entry(number, key, checked));
    }
    return List.copyOf(entries);
  }

  private static IllegalArgumentException malformed(String source, int line, String problem) {
    return new IllegalArgumentException(source + " line " + line + ": " + problem);
  }
}
