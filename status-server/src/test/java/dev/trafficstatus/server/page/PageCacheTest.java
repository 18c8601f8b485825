package dev.trafficstatus.server.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Bodies are rendered once per version of the figures, kept within a budget of bytes (counted, not
 * guessed from the heap), and a request that finds one being rendered waits for it instead of
 * rendering it again.
 */
class PageCacheTest {

  private static final int KIB = 1024;

  private final List<String> renders = Collections.synchronizedList(new ArrayList<>());

  private static PageCache.Key key(String variant, int days) {
    return new PageCache.Key(variant, days, "", PageCache.Coding.PLAIN);
  }

  private byte[] send(PageCache cache, long version, String variant, int days, int size) {
    return cache.body(version, key(variant, days), () -> {
      renders.add(variant + " " + days + " v" + version);
      return new byte[size];
    });
  }

  @Test
  void aBodyIsRenderedOncePerVersionOfTheFigures() {
    PageCache cache = new PageCache(KIB * KIB);
    for (int request = 0; request < 100; request++) {
      send(cache, 1, "html", 90, 100);
    }
    send(cache, 2, "html", 90, 100);
    send(cache, 2, "html", 90, 100);
    send(cache, 1, "html", 90, 100);

    assertThat(renders).containsExactly("html 90 v1", "html 90 v2", "html 90 v1");
    assertThat(cache.keptBytes()).as("the older version is not kept again").isEqualTo(100);
  }

  @Test
  void variantsWindowsAndBasePathsAreKeptApart() {
    PageCache cache = new PageCache(KIB * KIB);
    send(cache, 1, "html", 90, 10);
    send(cache, 1, "json", 90, 10);
    send(cache, 1, "html", 30, 10);
    cache.body(1, new PageCache.Key("html", 90, "/api", PageCache.Coding.PLAIN), () -> {
      renders.add("html 90 under /api");
      return new byte[10];
    });
    send(cache, 1, "html", 90, 10);

    assertThat(renders).containsExactly("html 90 v1", "json 90 v1", "html 30 v1", "html 90 under /api");
    assertThat(cache.keptBytes()).isEqualTo(40);
  }

  @Test
  void theKeptBytesNeverExceedTheBudgetAndTheLeastRecentlyUsedGoFirst() {
    PageCache cache = new PageCache(100 * KIB);
    for (int days = 1; days <= 365; days++) {
      send(cache, 1, "html", days, 30 * KIB);
      send(cache, 1, "html", 90, 30 * KIB);
      assertThat(cache.keptBytes()).isLessThanOrEqualTo(100 * KIB);
    }
    renders.clear();

    send(cache, 1, "html", 90, 30 * KIB);
    send(cache, 1, "html", 365, 30 * KIB);
    send(cache, 1, "html", 1, 30 * KIB);

    assertThat(renders).as("the watched window stayed; an old one went").containsExactly("html 1 v1");
    assertThat(cache.keptBytes()).isEqualTo(90 * KIB);
  }

  @Test
  void aBodyLargerThanTheWholeBudgetIsSentButNotKept() {
    PageCache cache = new PageCache(10 * KIB);
    send(cache, 1, "html", 30, 4 * KIB);

    byte[] large = send(cache, 1, "html", 365, 11 * KIB);
    send(cache, 1, "html", 365, 11 * KIB);

    assertThat(large).hasSize(11 * KIB);
    assertThat(renders).containsExactly("html 30 v1", "html 365 v1", "html 365 v1");
    assertThat(cache.keptBytes()).isEqualTo(4 * KIB);
  }

  @Test
  void theGzippedBodyIsCompressedOnceFromThePlainOneAndCountsAgainstTheBudget() throws Exception {
    PageCache cache = new PageCache(KIB * KIB);
    byte[] html = "<p>squares</p>".repeat(1_000).getBytes(StandardCharsets.UTF_8);
    PageCache.Render render = () -> {
      renders.add("html");
      return html;
    };

    byte[] zipped = cache.gzipped(1, key("html", 90), render);

    assertThat(cache.gzipped(1, key("html", 90), render)).isSameAs(zipped);
    assertThat(cache.body(1, key("html", 90), render)).isSameAs(html);
    assertThat(renders).containsExactly("html");
    assertThat(zipped.length).isLessThan(html.length / 10);
    try (GZIPInputStream unzip = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
      assertThat(unzip.readAllBytes()).isEqualTo(html);
    }
    assertThat(cache.keptBytes()).isEqualTo(html.length + zipped.length);
  }

  @Test
  void requestsMissingTheSameBodyAtOnceWaitForOneRender() throws Exception {
    PageCache cache = new PageCache(KIB * KIB);
    CountDownLatch rendering = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    ExecutorService requests = Executors.newFixedThreadPool(8);
    try {
      List<Future<byte[]>> answers = new ArrayList<>();
      answers.add(requests.submit(() -> cache.body(1, key("html", 90), () -> {
        renders.add("slow");
        rendering.countDown();
        try {
          finish.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException stopped) {
          Thread.currentThread().interrupt();
        }
        return new byte[7];
      })));
      assertThat(rendering.await(30, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 7; i++) {
        answers.add(requests.submit(() -> send(cache, 1, "html", 90, 99)));
      }
      finish.countDown();
      for (Future<byte[]> answer : answers) {
        assertThat(answer.get(30, TimeUnit.SECONDS)).hasSize(7);
      }
    } finally {
      requests.shutdownNow();
    }
    assertThat(renders).containsExactly("slow");
  }

  @Test
  void aRefusedRenderKeepsNothingAndTheNextRequestTriesAgain() {
    PageCache cache = new PageCache(KIB * KIB);

    assertThatThrownBy(() -> cache.body(1, key("html", 45), () -> {
      throw new IllegalStateException("refused");
    })).hasMessage("refused");

    assertThat(cache.keptBytes()).isZero();
    assertThat(send(cache, 1, "html", 45, 5)).hasSize(5);
  }
}
