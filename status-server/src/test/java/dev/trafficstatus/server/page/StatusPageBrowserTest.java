package dev.trafficstatus.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficstatus.testkit.MutableClock;
import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.server.browser.BrowserTab;
import dev.trafficstatus.server.browser.HeadlessChromium;
import dev.trafficstatus.server.testapp.NinetyDaySeed;
import dev.trafficstatus.server.testapp.NinetyDaySeed.ExpectedDay;
import dev.trafficstatus.server.testapp.NinetyDaySeed.ExpectedRoute;
import dev.trafficstatus.server.testapp.StatusOnlyApp;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.page.Health;
import dev.trafficstatus.spi.store.LatencyHistogram;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.Tally;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The page in a real browser: Debian's Chromium, headless, loads pages the real server renders
 * from figures written through the real store, and the test reads what a person would see.
 *
 * <p>Screenshots go to {@code target/browser/}; {@code status-page.png} is the one in the README.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class StatusPageBrowserTest {

  static final Path OUTPUT = Path.of("target", "browser");

  private static final int WIDTH = 1200;

  private static final MutableClock CLOCK = new MutableClock(NinetyDaySeed.NOW);

  static final DropwizardAppExtension<StatusConfiguration> APP =
      StatusOnlyApp.extension("browser-seeded", CLOCK);

  /** Names that would run script if any of them reached the page unescaped. */
  private static final String SCRIPT_NAME = "</script><script>alert(1)</script>";

  private static final String IMAGE_NAME = "<img src=x onerror=alert(1)>";

  private static final String HOSTILE_TITLE = "</title><script>alert(2)</script>";

  private static final String HOSTILE_GROUP = "<svg onload=alert(3)>";

  private static final String HOSTILE_DOC = "\"><iframe src=javascript:alert(4)></iframe>";

  private static final String HOSTILE_RULE = "/search/\"><img src=x onerror=alert(5)>";

  static final DropwizardAppExtension<StatusConfiguration> HOSTILE =
      StatusOnlyApp.extension("browser-hostile", CLOCK, Map.of("status.page.title", HOSTILE_TITLE));

  /** Started while the apps start and the seed is written, the two slow parts of the set-up. */
  private static final CompletableFuture<HeadlessChromium> LAUNCH =
      CompletableFuture.supplyAsync(() -> HeadlessChromium.launch(OUTPUT.resolve("chromium.log")));

  private static HeadlessChromium browser;

  private BrowserTab tab;

  @BeforeAll
  static void seedAndStartTheBrowser() {
    NinetyDaySeed.writeTo(StatusOnlyApp.store(APP));
    writeHostileRoutes(StatusOnlyApp.store(HOSTILE));
    StatusOnlyApp.showWhatWasWritten(APP);
    StatusOnlyApp.showWhatWasWritten(HOSTILE);
    try {
      browser = LAUNCH.join();
    } catch (CompletionException failed) {
      // Chromium missing or broken: fail with its own message (how to install it), never skip.
      throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
    }
  }

  @AfterAll
  static void stopTheBrowser() {
    LAUNCH.handle((started, failed) -> {
      if (started != null) {
        started.close();
      }
      return null;
    }).join();
  }

  @BeforeEach
  void openTab() {
    tab = browser.newTab(WIDTH, 900);
  }

  @AfterEach
  void closeTab() {
    browser.closeTab(tab);
  }

  private static void writeHostileRoutes(StatusStore store) {
    List<RouteDescriptor> routes = List.of(
        new RouteDescriptor(new RouteKey(NinetyDaySeed.SERVICE, "/search/{q}"), SCRIPT_NAME,
            HOSTILE_DOC, HOSTILE_GROUP),
        new RouteDescriptor(new RouteKey(NinetyDaySeed.SERVICE, HOSTILE_RULE), IMAGE_NAME,
            SCRIPT_NAME, HOSTILE_GROUP));
    store.declareRoutes(routes);
    List<MinuteBucket> buckets = new ArrayList<>();
    for (RouteDescriptor route : routes) {
      buckets.add(new MinuteBucket(route.key(), NinetyDaySeed.NOW.minus(Duration.ofMinutes(5)),
          "web-1-seed", new Tally(100, 99, 1, 0, Duration.ofMillis(20),
              LatencyHistogram.builder().record(Duration.ofMillis(20), 100).build())));
    }
    store.writeMinutes(buckets);
  }

  private static String page(DropwizardAppExtension<StatusConfiguration> app) {
    return origin(app) + "/status";
  }

  private static String origin(DropwizardAppExtension<StatusConfiguration> app) {
    return "http://127.0.0.1:" + app.getLocalPort();
  }

  /** Every card as the browser shows it: name, rule, current state and squares. */
  private List<JsonNode> cards() {
    List<JsonNode> cards = new ArrayList<>();
    tab.evaluate("""
        [...document.querySelectorAll('article.card')].map(card => ({
          name: card.querySelector('h3').textContent,
          rule: card.querySelector('.rule code').textContent,
          pill: card.querySelector('.pill').className,
          squares: [...card.querySelectorAll('li.day')].map(li => ({
            cls: li.className,
            title: li.getAttribute('title'),
            width: li.getBoundingClientRect().width
          }))
        }))
        """).forEach(cards::add);
    return cards;
  }

  private static String token(Health health) {
    return switch (health) {
      case OPERATIONAL -> "operational";
      case DEGRADED -> "degraded";
      case PARTIAL_OUTAGE -> "partial";
      case MAJOR_OUTAGE -> "major";
      case NO_DATA -> "nodata";
      case MAINTENANCE -> "maintenance";
    };
  }

  private static String counted(long count, String noun) {
    return String.format(Locale.ROOT, "%,d %s%s", count, noun,
        count == 1 ? "" : noun.endsWith("s") ? "es" : "s");
  }

  /** The start of a square's tooltip as a person reads it, from the seeded figures alone. */
  private static String expectedTip(ExpectedDay day) {
    String date = day.day() + (day.day().equals(NinetyDaySeed.TODAY) ? " (today, so far)" : "");
    if (day.health() == Health.NO_DATA) {
      return date + " · No data ("
          + (day.requests() == 0 ? "no requests)" : counted(day.requests(), "request") + ", ");
    }
    return date + " · " + day.health().label() + " · " + counted(day.requests(), "request") + ": "
        + counted(day.successes(), "success") + ", " + counted(day.failures(), "failure") + ", "
        + String.format(Locale.ROOT, "%,d", day.ignored()) + " ignored · ";
  }

  @Test
  void everyRouteShowsNinetySquaresInTheSeededStatesWithTheirFiguresAsTooltips() {
    tab.navigate(page(APP));

    List<ExpectedRoute> expected = NinetyDaySeed.expected();
    List<JsonNode> cards = cards();
    assertThat(tab.evaluate("document.querySelectorAll('li.day').length").asInt())
        .isEqualTo(expected.size() * NinetyDaySeed.DAYS);
    assertThat(cards).extracting(card -> card.get("name").asText())
        .containsExactlyElementsOf(expected.stream().map(ExpectedRoute::name).toList());
    for (int r = 0; r < expected.size(); r++) {
      ExpectedRoute route = expected.get(r);
      JsonNode card = cards.get(r);
      assertThat(card.get("rule").asText()).isEqualTo(route.key().rule());
      assertThat(card.get("pill").asText()).as(route.name() + " now")
          .isEqualTo("pill state-" + token(route.current()));
      JsonNode squares = card.get("squares");
      assertThat(squares).as(route.name() + " squares").hasSize(NinetyDaySeed.DAYS);
      for (int d = 0; d < NinetyDaySeed.DAYS; d++) {
        ExpectedDay day = route.days().get(d);
        JsonNode square = squares.get(d);
        String where = route.name() + " on " + day.day();
        assertThat(square.get("cls").asText()).as(where).isEqualTo("day state-" + token(day.health()));
        assertThat(square.get("title").asText()).as(where).startsWith(expectedTip(day));
        assertThat(square.get("width").asDouble()).as(where + " is visible").isGreaterThan(2);
      }
    }
    // The title alone names a square for screen readers: no aria-label repeats it.
    String firstSquare = "article.card li.day";
    assertThat(tab.accessibleName(firstSquare))
        .isEqualTo(cards.get(0).get("squares").get(0).get("title").asText());
    assertThat(tab.evaluate("document.querySelectorAll('li.day[aria-label]').length").asInt()).isZero();
    assertThat(tab.evaluate("document.querySelector('#headline').className").asText())
        .isEqualTo("headline state-" + token(NinetyDaySeed.overall()));
    assertThat(tab.evaluate("document.querySelector('#headline').textContent.trim()").asText())
        .isEqualTo("Degraded Performance");
    assertThat(tab.problems()).as("console and browser log").isEmpty();
  }

  @Test
  void thePageLoadsOnlyItsOwnAssetsUnderThePrefixAndRunsNoInlineScript() {
    tab.navigate(page(APP));

    assertThat(tab.requests()).isNotEmpty().allSatisfy(url ->
        assertThat(url).startsWith(origin(APP) + "/status"));
    assertThat(tab.requests()).anySatisfy(url ->
        assertThat(url).startsWith(origin(APP) + "/status/assets/status.css"));
    assertThat(tab.requests()).anySatisfy(url ->
        assertThat(url).startsWith(origin(APP) + "/status/assets/status.js"));
    assertThat(tab.evaluate("document.querySelectorAll('script:not([src]), style, [style]').length").asInt())
        .isZero();
    // The script ran: it made the newest square of each row the row's one tab stop.
    assertThat(tab.evaluate("document.querySelectorAll('li.day[tabindex=\"0\"]').length").asInt())
        .isEqualTo(NinetyDaySeed.expected().size());
    assertThat(tab.problems()).as("console and browser log, CSP reports included").isEmpty();
  }

  @Test
  void pointingAtASquareShowsItsFiguresInATooltipThatLeavesWithThePointer() {
    tab.navigate(page(APP));
    // The degraded day of the first card, 61 days into the window.
    JsonNode box = tab.evaluate("""
        (() => {
          const square = document.querySelectorAll('article.card')[0].querySelectorAll('li.day')[61];
          const r = square.getBoundingClientRect();
          return {x: r.x + r.width / 2, y: r.y + r.height / 2, inView: r.bottom <= innerHeight};
        })()
        """);
    assertThat(box.get("inView").asBoolean()).as("square within the first screen").isTrue();

    tab.hover(box.get("x").asDouble(), box.get("y").asDouble());

    JsonNode tip = tab.evaluate("""
        (() => {
          const tip = document.querySelector('.tip');
          return {shown: !tip.hidden, text: tip.innerText, state: tip.querySelector('.tip-state').className};
        })()
        """);
    ExpectedDay degraded = NinetyDaySeed.expected().get(0).days().get(61);
    assertThat(degraded.health()).isEqualTo(Health.DEGRADED);
    assertThat(tip.get("shown").asBoolean()).isTrue();
    assertThat(tip.get("text").asText())
        .contains(degraded.day().toString())
        .contains("Degraded")
        .contains(counted(degraded.requests(), "request"))
        .contains(counted(degraded.failures(), "failure"));
    assertThat(tip.get("state").asText()).isEqualTo("tip-state state-degraded");
    // The script takes the title away so the browser's own tooltip does not repeat its own; the
    // square must keep its accessible name meanwhile.
    String pointedAt = "article.card:first-of-type li.day:nth-child(62)";
    String text = tab.evaluate("document.querySelector('" + pointedAt + "').dataset.title").asText();
    assertThat(tab.evaluate("document.querySelector('" + pointedAt + "').hasAttribute('title')").asBoolean())
        .isFalse();
    assertThat(tab.accessibleName(pointedAt)).startsWith(degraded.day().toString()).isEqualTo(text);

    tab.hover(2, 2);
    assertThat(tab.evaluate("document.querySelector('.tip').hidden").asBoolean()).isTrue();
    assertThat(tab.evaluate("document.querySelector('" + pointedAt + "').title").asText()).isEqualTo(text);
    assertThat(tab.accessibleName(pointedAt)).isEqualTo(text);
    assertThat(tab.problems()).isEmpty();
  }

  @Test
  void darkModeFollowsTheSystemSetting() {
    tab.navigate(page(APP));
    double lightBackground = luminance("document.documentElement", "backgroundColor");

    tab.prefersColorScheme("dark");
    tab.navigate(page(APP));

    double darkBackground = luminance("document.documentElement", "backgroundColor");
    double darkCard = luminance("document.querySelector('.page')", "backgroundColor");
    double darkText = luminance("document.querySelector('h1')", "color");
    assertThat(lightBackground).isGreaterThan(0.8);
    assertThat(darkBackground).isLessThan(0.2);
    assertThat(darkCard).isLessThan(0.2);
    assertThat(darkText).as("text stays readable").isGreaterThan(0.7);
    tab.screenshot(OUTPUT.resolve("status-page-dark.png"));
    assertThat(tab.problems()).isEmpty();
  }

  @Test
  void onAPhoneEveryRowFitsTheScreenWithoutScrollingSideways() {
    tab.resize(360, 740, true);
    tab.navigate(page(APP));

    assertThat(tab.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        .asBoolean()).as("no horizontal scrolling").isTrue();
    JsonNode rows = tab.evaluate("""
        [...document.querySelectorAll('ol.days')].map(row => {
          const squares = [...row.querySelectorAll('li.day')].map(li => li.getBoundingClientRect());
          const box = row.getBoundingClientRect();
          return {
            lines: new Set(squares.map(r => Math.round(r.top))).size,
            inside: squares.every(r => r.left >= box.left - 0.5 && r.right <= box.right + 0.5),
            narrowest: Math.min(...squares.map(r => r.width))
          };
        })
        """);
    assertThat(rows).hasSize(NinetyDaySeed.expected().size()).allSatisfy(row -> {
      assertThat(row.get("lines").asInt()).as("90 squares on one line").isEqualTo(1);
      assertThat(row.get("inside").asBoolean()).isTrue();
      assertThat(row.get("narrowest").asDouble()).isGreaterThan(1);
    });
    tab.screenshot(OUTPUT.resolve("status-page-phone.png"));
    assertThat(tab.problems()).isEmpty();
  }

  @Test
  void statesReadWithoutColorInWordsAndNoDataIsHatched() {
    tab.navigate(page(APP));

    JsonNode words = tab.evaluate("""
        [...document.querySelectorAll('li.day')].every(li =>
          /· (Operational|Degraded|Partial outage|Major outage|No data)/.test(li.getAttribute('title')))
        """);
    assertThat(words.asBoolean()).as("every square names its state").isTrue();
    assertThat(tab.evaluate("""
        [...document.querySelectorAll('.pill')].every(p => p.textContent.startsWith('Current status: '))
        """).asBoolean()).isTrue();
    assertThat(tab.evaluate("getComputedStyle(document.querySelector('li.day.state-nodata')).backgroundImage")
        .asText()).startsWith("repeating-linear-gradient");
    assertThat(tab.evaluate("getComputedStyle(document.querySelector('li.day.state-major')).backgroundImage")
        .asText()).isEqualTo("none");
    assertThat(tab.evaluate("document.querySelectorAll('.legend-list li').length").asInt()).isEqualTo(5);
  }

  @Test
  void savesAScreenshotOfTheSeededPage() throws IOException {
    tab.navigate(page(APP));

    Path png = tab.screenshot(OUTPUT.resolve("status-page.png"));

    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
    // The IHDR chunk: width and height, big-endian, right after the signature and chunk header.
    assertThat(ByteBuffer.wrap(bytes, 16, 4).getInt()).isEqualTo(WIDTH);
    assertThat(ByteBuffer.wrap(bytes, 20, 4).getInt()).isGreaterThan(900);
  }

  @Test
  void hostileRouteNamesRenderAsInertTextInTheBrowser() {
    tab.navigate(page(HOSTILE));
    // Time for anything injected to fire: image errors, deferred handlers.
    tab.evaluate("new Promise(done => setTimeout(done, 300))");

    assertThat(tab.dialogs()).as("no dialog opened").isEmpty();
    assertThat(tab.evaluate("document.querySelectorAll('img, svg, iframe, object, embed').length").asInt())
        .as("no injected element").isZero();
    assertThat(tab.evaluate("document.querySelectorAll('[onerror], [onload], [onclick]').length").asInt())
        .isZero();
    assertThat(tab.evaluate("[...document.scripts].map(s => new URL(s.src).pathname)"))
        .extracting(JsonNode::asText).containsExactly("/status/assets/status.js");
    assertThat(tab.evaluate("[...document.querySelectorAll('h3')].map(h => h.textContent)"))
        .extracting(JsonNode::asText).containsExactlyInAnyOrder(SCRIPT_NAME, IMAGE_NAME);
    assertThat(tab.evaluate("[...document.querySelectorAll('.rule code')].map(c => c.textContent)"))
        .extracting(JsonNode::asText).containsExactlyInAnyOrder("/search/{q}", HOSTILE_RULE);
    assertThat(tab.evaluate("[...document.querySelectorAll('.doc')].map(p => p.textContent)"))
        .extracting(JsonNode::asText).containsExactlyInAnyOrder(HOSTILE_DOC, SCRIPT_NAME);
    assertThat(tab.evaluate("document.querySelector('.group-name').textContent").asText())
        .isEqualTo(HOSTILE_GROUP);
    assertThat(tab.evaluate("document.title").asText()).isEqualTo(HOSTILE_TITLE);
    assertThat(tab.problems()).as("nothing even tried to run: no CSP report").isEmpty();

    // The check above would see a dialog: one opened on purpose is noticed.
    String dialog = tab.awaitDialog(() -> tab.evaluate("setTimeout(() => alert('noticed'), 0)"));
    assertThat(dialog).isEqualTo("alert: noticed");
  }

  /** How light an element's computed colour looks, 0 black to 1 white, weighted as eyes weigh it. */
  private double luminance(String element, String property) {
    JsonNode cssColor = tab.evaluate("getComputedStyle(" + element + ")." + property);
    String[] parts = cssColor.asText().replaceAll("[^0-9.,]", "").split(",");
    double red = Double.parseDouble(parts[0]) / 255;
    double green = Double.parseDouble(parts[1]) / 255;
    double blue = Double.parseDouble(parts[2]) / 255;
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
  }
}
