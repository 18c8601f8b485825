package dev.trafficstatus.server.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the Chromium the browser test drives: {@code CHROME_BIN} when set, else the first of
 * {@code chromium}, {@code chromium-browser} and {@code google-chrome} on the {@code PATH}. Found
 * nowhere, the test fails with how to install one, under CI and elsewhere alike: a skipped
 * browser test would hide a broken page.
 */
public final class ChromiumLocator {

  /** The variable naming the browser explicitly, as Karma and Puppeteer setups do. */
  public static final String CHROME_BIN = "CHROME_BIN";

  /** The names the browser goes by on the PATH, in the order they are tried. */
  public static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");

  private ChromiumLocator() {}

  /**
   * The browser to start.
   *
   * @param environment the process environment, such as {@code System.getenv()}
   * @return the executable: {@code CHROME_BIN} as given (launching it fails when it is not there),
   *     or one found on the PATH
   * @throws IllegalStateException when neither names a browser, saying how to get one
   */
  public static Path locate(Map<String, String> environment) {
    String named = environment.get(CHROME_BIN);
    if (named != null && !named.isBlank()) {
      return Path.of(named.strip());
    }
    return onPath(environment.getOrDefault("PATH", ""))
        .orElseThrow(() -> new IllegalStateException("Chromium is missing: the browser test of the"
            + " status page needs it, named by " + CHROME_BIN + " or found on the PATH as one of "
            + String.join(", ", NAMES) + " (PATH is " + environment.getOrDefault("PATH", "unset")
            + "). Run .ci/run, or install it with `apt-get install chromium`."));
  }

  private static Optional<Path> onPath(String path) {
    for (String name : NAMES) {
      for (String directory : path.split(File.pathSeparator)) {
        if (directory.isBlank()) {
          continue;
        }
        try {
          Path candidate = Path.of(directory, name);
          if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
            return Optional.of(candidate);
          }
        } catch (InvalidPathException unusable) {
          // A PATH entry that is no path finds nothing.
        }
      }
    }
    return Optional.empty();
  }
}
