package dev.trafficstatus.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chromium is found through CHROME_BIN, else on the PATH; nowhere is a failure, never a skip. */
class ChromiumLocatorTest {

  @TempDir Path root;

  private Path executable(String directory, String name) throws IOException {
    Path dir = Files.createDirectories(root.resolve(directory));
    Path file = Files.writeString(dir.resolve(name), "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  private String path(String... directories) {
    StringBuilder path = new StringBuilder();
    for (String directory : directories) {
      path.append(path.isEmpty() ? "" : File.pathSeparator).append(root.resolve(directory));
    }
    return path.toString();
  }

  @Test
  void chromeBinWinsOverThePath() throws IOException {
    executable("bin", "chromium");

    Path found = ChromiumLocator.locate(Map.of("CHROME_BIN", "/opt/chrome/chrome", "PATH", path("bin")));

    assertThat(found).isEqualTo(Path.of("/opt/chrome/chrome"));
  }

  @Test
  void onThePathChromiumComesFirstThenChromiumBrowserThenGoogleChrome() throws IOException {
    Path chrome = executable("a", "google-chrome");
    Path browser = executable("b", "chromium-browser");

    assertThat(ChromiumLocator.locate(Map.of("PATH", path("a", "b")))).isEqualTo(browser);
    assertThat(ChromiumLocator.locate(Map.of("PATH", path("a")))).isEqualTo(chrome);
    Path chromium = executable("c", "chromium");
    assertThat(ChromiumLocator.locate(Map.of("PATH", path("a", "b", "c"), "CHROME_BIN", " ")))
        .isEqualTo(chromium);
  }

  @Test
  void aFileThatCannotRunIsNoBrowser() throws IOException {
    Files.createDirectories(root.resolve("bin"));
    Files.writeString(root.resolve("bin").resolve("chromium"), "not a program");

    assertThatThrownBy(() -> ChromiumLocator.locate(Map.of("PATH", path("bin"))))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void foundNowhereTheTestFailsSayingHowToGetOne() {
    assertThatThrownBy(() -> ChromiumLocator.locate(Map.of("PATH", path("empty"), "CI", "true")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Chromium is missing")
        .hasMessageContaining("CHROME_BIN")
        .hasMessageContaining("chromium, chromium-browser, google-chrome")
        .hasMessageContaining(".ci/run")
        .hasMessageContaining("apt-get install chromium");
    assertThatThrownBy(() -> ChromiumLocator.locate(Map.of()))
        .hasMessageContaining("PATH is unset");
  }
}
