package dev.trafficstatus.server.browser;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser test fails, and says how to fix it, where Chromium is not installed. */
class HeadlessChromiumTest {

  @TempDir Path logs;

  @Test
  void aMissingChromiumFailsWithHowToInstallIt() {
    Path nowhere = logs.resolve("no-such-chromium");

    assertThatThrownBy(() -> HeadlessChromium.launch(nowhere, logs.resolve("chromium.log")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Chromium is missing")
        .hasMessageContaining(nowhere.toString())
        .hasMessageContaining(".ci/run")
        .hasMessageContaining("apt-get install chromium");
  }
}
