package dev.trafficstatus.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.core.status.HealthPolicy;
import dev.trafficstatus.core.status.PageSettings;
import dev.trafficstatus.core.status.StatusService;
import dev.trafficstatus.spi.page.PageLinks;
import dev.trafficstatus.spi.page.PageRenderer;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.testkit.MutableClock;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Windows other than the configured ones are drawn one at a time: while one is drawn, a request
 * for another gets 429 with {@code Retry-After: 1} at once, and the configured windows are served
 * meanwhile. A renderer that waits on a latch holds the first draw.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OtherWindowsOneAtATimeTest {

  private static final CountDownLatch DRAWING = new CountDownLatch(1);

  private static final CountDownLatch FINISH = new CountDownLatch(1);

  /** Writes the window's length; holds the 45-day page until the test lets it go. */
  private static final PageRenderer RENDERER = new PageRenderer() {
    @Override
    public String mediaType() {
      return "text/html;charset=UTF-8";
    }

    @Override
    public List<Integer> windows() {
      return List.of(30);
    }

    @Override
    public void render(StatusPage page, PageLinks links, OutputStream out) throws IOException {
      if (page.days() == 45) {
        DRAWING.countDown();
        try {
          FINISH.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException stopped) {
          Thread.currentThread().interrupt();
        }
      }
      out.write(("days " + page.days()).getBytes(StandardCharsets.UTF_8));
    }
  };

  private static final StatusService SERVICE = new StatusService(
      new GatedStore(false), PageSettings.defaults("Shop"), HealthPolicy.defaults(),
      MutableClock.at("2026-11-26T10:30:00Z"));

  static final ResourceExtension RESOURCES = ResourceExtension.builder()
      .addResource(new StatusPageResource(SERVICE, RENDERER, "/status",
          MutableClock.at("2026-11-26T10:30:00Z")))
      .build();

  @AfterEach
  void letGo() {
    FINISH.countDown();
  }

  private static Response html(int days) {
    return RESOURCES.target("/").queryParam("days", days).request(MediaType.TEXT_HTML).get();
  }

  @Test
  void whileOneOtherWindowIsDrawnAnotherIsAskedToComeBackInASecond() throws Exception {
    SERVICE.invalidate();
    CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> html(45));
    assertThat(DRAWING.await(30, TimeUnit.SECONDS)).as("the 45-day page is being drawn").isTrue();

    Response second = html(46);
    Response configured = html(30);

    assertThat(second.getStatus()).isEqualTo(429);
    assertThat(second.getHeaderString("Retry-After")).isEqualTo("1");
    assertThat(second.readEntity(String.class)).contains("drawn one at a time");
    assertThat(configured.getStatus()).isEqualTo(200);
    assertThat(configured.readEntity(String.class)).isEqualTo("days 30");
    FINISH.countDown();
    Response drawn = first.get(30, TimeUnit.SECONDS);
    assertThat(drawn.getStatus()).isEqualTo(200);
    assertThat(drawn.readEntity(String.class)).isEqualTo("days 45");
    assertThat(html(46).getStatus()).as("its turn now").isEqualTo(200);
  }
}
