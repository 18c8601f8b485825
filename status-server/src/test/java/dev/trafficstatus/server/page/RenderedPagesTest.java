package dev.trafficstatus.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.page.Health;
import dev.trafficstatus.spi.page.StatusPage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A page model is rendered once, however many requests send it; a new model is rendered anew. */
class RenderedPagesTest {

  private final List<String> renders = new ArrayList<>();
  private final RenderedPages rendered = new RenderedPages(2);

  private static StatusPage page(int days, String at) {
    LocalDate last = LocalDate.parse("2026-11-26");
    return new StatusPage(
        "Shop", Health.OPERATIONAL, "All Systems Operational", Instant.parse(at), ZoneOffset.UTC,
        last.minusDays(days - 1L), last, 365, 10, Duration.ofMinutes(1), List.of());
  }

  private String send(String variant, StatusPage page) {
    return new String(
        rendered.body(variant, page, (p, out) -> {
          renders.add(variant + " " + p.days() + " " + p.generatedAt());
          out.write((variant + " of " + p.generatedAt()).getBytes(StandardCharsets.UTF_8));
        }).plain(),
        StandardCharsets.UTF_8);
  }

  @Test
  void thePageOfOneReadIsRenderedOnceAndTheNextReadsPageAgain() {
    StatusPage first = page(90, "2026-11-26T10:00:00Z");
    for (int request = 0; request < 100; request++) {
      assertThat(send("html", first)).isEqualTo("html of 2026-11-26T10:00:00Z");
    }
    StatusPage next = page(90, "2026-11-26T10:01:00Z");
    assertThat(send("html", next)).isEqualTo("html of 2026-11-26T10:01:00Z");

    assertThat(renders).containsExactly(
        "html 90 2026-11-26T10:00:00Z", "html 90 2026-11-26T10:01:00Z");
  }

  @Test
  void theGzippedBodyIsCompressedOnceAndHoldsThePlainOne() throws Exception {
    StatusPage first = page(90, "2026-11-26T10:00:00Z");
    byte[] html = "<p>squares</p>".repeat(1_000).getBytes(StandardCharsets.UTF_8);
    RenderedPages.Body body = rendered.body("html", first, (p, out) -> out.write(html));

    byte[] zipped = body.gzipped();

    assertThat(body.gzipped()).isSameAs(zipped);
    assertThat(zipped.length).isLessThan(body.plain().length / 10);
    try (var unzip = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped))) {
      assertThat(unzip.readAllBytes()).isEqualTo(body.plain());
    }
  }

  @Test
  void aPageEqualToTheKeptOneButFromAnotherReadIsRenderedAgain() {
    send("html", page(90, "2026-11-26T10:00:00Z"));
    send("html", page(90, "2026-11-26T10:00:00Z"));

    assertThat(renders).hasSize(2);
  }

  @Test
  void variantsAndWindowsAreKeptApartAndOnlyTheMostRecentlyUsedStay() {
    StatusPage ninety = page(90, "2026-11-26T10:00:00Z");
    StatusPage thirty = page(30, "2026-11-26T10:00:00Z");
    send("html", ninety);
    send("json", ninety);
    send("html", ninety);
    send("html", thirty);
    send("html", ninety);
    send("json", ninety);

    assertThat(renders).containsExactly(
        "html 90 2026-11-26T10:00:00Z",
        "json 90 2026-11-26T10:00:00Z",
        "html 30 2026-11-26T10:00:00Z",
        "json 90 2026-11-26T10:00:00Z");
  }
}
