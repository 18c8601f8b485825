package dev.trafficstatus.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.testkit.MutableClock;
import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.server.browser.BrowserTab;
import dev.trafficstatus.server.browser.HeadlessChromium;
import dev.trafficstatus.server.testapp.NinetyDaySeed;
import dev.trafficstatus.server.testapp.NinetyDaySeed.ExpectedDay;
import dev.trafficstatus.server.testapp.NinetyDaySeed.ExpectedRoute;
import dev.trafficstatus.server.testapp.NoticeSeed;
import dev.trafficstatus.server.testapp.StatusOnlyApp;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.store.LatencyHistogram;
import dev.trafficstatus.spi.store.MinuteBucket;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.Tally;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
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

  static final DropwizardAppExtension<StatusConfiguration> HOSTILE = StatusOnlyApp.extension(
      "browser-hostile", CLOCK,
      Map.of("status.page.title", HOSTILE_TITLE, "status.incidents.auto.enabled", "false"));

  /** The ninety days with incidents and maintenances: open, resolved, running, planned. */
  static final DropwizardAppExtension<StatusConfiguration> INCIDENTS = StatusOnlyApp.extension(
      "browser-incidents", CLOCK, Map.of("status.incidents.auto.enabled", "false"));

  /** Started while the apps start and the seed is written, the two slow parts of the set-up. */
  private static final CompletableFuture<HeadlessChromium> LAUNCH =
      CompletableFuture.supplyAsync(() -> HeadlessChromium.launch(OUTPUT.resolve("chromium.log")));

  private static HeadlessChromium browser;

  private BrowserTab tab;

  @BeforeAll
  static void seedAndStartTheBrowser() {
    NinetyDaySeed.writeTo(StatusOnlyApp.store(APP));
    writeHostileRoutes(StatusOnlyApp.store(HOSTILE));
    NoticeSeed.writeTo(StatusOnlyApp.store(HOSTILE), NoticeSeed.HOSTILE);
    NinetyDaySeed.writeTo(StatusOnlyApp.store(INCIDENTS));
    List<Notice> notices = new ArrayList<>(NoticeSeed.ALL);
    notices.add(NoticeSeed.RUNNING);
    NoticeSeed.writeTo(StatusOnlyApp.store(INCIDENTS), notices);
    StatusOnlyApp.showWhatWasWritten(APP);
    StatusOnlyApp.showWhatWasWritten(HOSTILE);
    StatusOnlyApp.showWhatWasWritten(INCIDENTS);
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
  void aYearIsDrawnAWeekASquareEachNamedByItsDatesWorstStateAndUptime() {
    tab.navigate(page(APP) + "?days=365");

    // 2024-07-01 to 2025-06-30, both Mondays: 52 whole weeks, and today.
    LocalDate first = NinetyDaySeed.TODAY.minusDays(364);
    List<JsonNode> cards = cards();
    assertThat(cards).hasSize(NinetyDaySeed.expected().size())
        .allSatisfy(card -> assertThat(card.get("squares")).hasSize(53));
    JsonNode squares = cards.get(0).get("squares");
    assertThat(squares.get(0).get("title").asText()).isEqualTo("2024-07-01 to 2024-07-07 · No data (no requests)");

    // The week of the first card's degraded day, 61 days into the ninety, from the seeded days.
    ExpectedRoute route = NinetyDaySeed.expected().get(0);
    LocalDate monday = route.days().get(61).day().with(DayOfWeek.MONDAY);
    List<ExpectedDay> week = route.days().stream()
        .filter(day -> !day.day().isBefore(monday) && day.day().isBefore(monday.plusDays(7)))
        .toList();
    assertThat(week).hasSize(7);
    long requests = week.stream().mapToLong(ExpectedDay::requests).sum();
    long failures = week.stream().mapToLong(ExpectedDay::failures).sum();
    long ignored = week.stream().mapToLong(ExpectedDay::ignored).sum();
    long successes = requests - failures - ignored;
    String uptime = failures == 0 ? "100 %" : BigDecimal.valueOf(successes * 100)
        .divide(BigDecimal.valueOf(successes + failures), 2, RoundingMode.FLOOR) + " %";
    Health worst = week.stream().map(ExpectedDay::health)
        .filter(health -> health != Health.NO_DATA && health != Health.MAINTENANCE)
        .max(Comparator.naturalOrder()).orElseThrow();
    int index = (int) ChronoUnit.WEEKS.between(first, monday);
    JsonNode square = squares.get(index);
    String title = square.get("title").asText();
    assertThat(title).startsWith(monday + " to " + monday.plusDays(6) + " · " + worst.label() + " · "
        + counted(requests, "request") + ": " + counted(successes, "success") + ", "
        + counted(failures, "failure") + ", " + String.format(Locale.ROOT, "%,d", ignored)
        + " ignored · " + uptime + " uptime");
    assertThat(square.get("cls").asText()).isEqualTo("day state-" + token(worst));
    assertThat(square.get("width").asDouble()).as("visible").isGreaterThan(2);
    assertThat(tab.accessibleName("article.card li.day:nth-child(" + (index + 1) + ")")).isEqualTo(title);
    assertThat(tab.evaluate("document.querySelector('ol.days').getAttribute('aria-label')").asText())
        .isEqualTo("Weekly status of " + route.name() + " over the last 365 days, oldest first");
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
          /· (Operational|Degraded|Partial outage|Major outage|No data|Under maintenance)/.test(li.getAttribute('title')))
        """);
    assertThat(words.asBoolean()).as("every square names its state").isTrue();
    assertThat(tab.evaluate("""
        [...document.querySelectorAll('.pill')].every(p => p.textContent.startsWith('Current status: '))
        """).asBoolean()).isTrue();
    assertThat(tab.evaluate("getComputedStyle(document.querySelector('li.day.state-nodata')).backgroundImage")
        .asText()).startsWith("repeating-linear-gradient");
    assertThat(tab.evaluate("getComputedStyle(document.querySelector('li.day.state-major')).backgroundImage")
        .asText()).isEqualTo("none");
    assertThat(tab.evaluate("document.querySelectorAll('.legend-list li').length").asInt()).isEqualTo(6);
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
    assertThat(tab.evaluate("[...document.querySelectorAll('article.card h3')].map(h => h.textContent)"))
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

  // ---- Incidents and maintenances (issues 16 and 17)

  private static String incident(DropwizardAppExtension<StatusConfiguration> app, String id) {
    return page(app) + "/incidents/" + id;
  }

  /** The rectangle of the first element a selector finds, in page coordinates. */
  private JsonNode box(String selector) {
    return tab.evaluate("(() => { const r = document.querySelector(\"" + selector + "\")"
        + ".getBoundingClientRect(); return {top: r.top + scrollY, bottom: r.bottom + scrollY,"
        + " width: r.width, height: r.height}; })()");
  }

  /** Red, green and blue of an element's computed colour property. */
  private int[] rgb(String element, String property) {
    String[] parts = tab.evaluate("getComputedStyle(" + element + ")." + property).asText()
        .replaceAll("[^0-9.,]", "").split(",");
    return new int[] {(int) Double.parseDouble(parts[0]), (int) Double.parseDouble(parts[1]),
        (int) Double.parseDouble(parts[2])};
  }

  private boolean fitsTheScreenWidth() {
    return tab.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth").asBoolean();
  }

  @Test
  void anOpenIncidentStandsUnderTheHeadlineWithItsImpactInWordsItsLatestUpdateAndItsLink() {
    tab.navigate(page(INCIDENTS));

    assertThat(tab.evaluate("document.querySelector('#headline').textContent.trim()").asText())
        .isEqualTo("Partial Outage");
    JsonNode headline = box("#headline");
    JsonNode active = box("section.active-notices");
    JsonNode firstGroup = box("section.group");
    assertThat(active.get("top").asDouble()).as("under the headline")
        .isGreaterThan(headline.get("bottom").asDouble())
        .isLessThan(firstGroup.get("top").asDouble());
    JsonNode notice = tab.evaluate("""
        (() => {
          const article = document.querySelector('section.active-notices article');
          return {
            name: article.querySelector('h3').textContent,
            href: article.querySelector('h3 a').getAttribute('href'),
            impact: article.querySelector('.impact-label').textContent,
            body: article.querySelector('.update-body').innerText,
            time: article.querySelector('.update-time').textContent,
            link: article.querySelector('.update-body a').getAttribute('rel')
          };
        })()
        """);
    assertThat(notice.get("name").asText()).isEqualTo(NoticeSeed.OPEN.name());
    assertThat(notice.get("href").asText()).isEqualTo("/status/incidents/checkoutopen");
    assertThat(notice.get("impact").asText()).isEqualTo("Major incident");
    assertThat(notice.get("body").asText()).startsWith("The card processor times out")
        .contains("\nA fix is rolling out");
    assertThat(notice.get("time").asText()).isEqualTo("Identified · 2025-06-30 15:20 UTC");
    assertThat(notice.get("link").asText()).isEqualTo("nofollow noopener");
    // The impact's colour marks the notice; the words say it too.
    assertThat(rgb("document.querySelector('section.active-notices article')", "borderLeftColor"))
        .isEqualTo(rgb("document.querySelector('section.active-notices .impact-label')", "backgroundColor"));
    assertThat(tab.problems()).as("console and browser log").isEmpty();

    tab.screenshot(OUTPUT.resolve("status-page-incident.png"));
  }

  @Test
  void maintenanceInProgressIsABannerItsRoutesCardSaysUnderMaintenanceAndWhatIsPlannedIsAnnounced() {
    tab.navigate(page(INCIDENTS));

    JsonNode banner = tab.evaluate("""
        (() => {
          const section = document.querySelector('section.maintenance-now');
          return {
            heading: section.querySelector('h2').textContent,
            name: section.querySelector('h3').textContent,
            update: section.querySelector('.update-body').textContent
          };
        })()
        """);
    assertThat(banner.get("heading").asText()).isEqualTo("Maintenance in progress");
    assertThat(banner.get("name").asText()).isEqualTo("Cart database tuning");
    assertThat(banner.get("update").asText()).startsWith("Tuning has begun");
    String cartPill = "[...document.querySelectorAll('article.card')]"
        + ".find(card => card.querySelector('h3').textContent === 'Cart').querySelector('.pill')";
    assertThat(tab.evaluate(cartPill + ".textContent").asText())
        .isEqualTo("Current status: Under maintenance");
    int[] blue = rgb(cartPill, "backgroundColor");
    assertThat(blue[2]).as("blue").isGreaterThan(blue[0]).isGreaterThan(blue[1]);
    assertThat(tab.evaluate("[...document.querySelectorAll('section.upcoming h3')].map(h => h.textContent)"))
        .extracting(JsonNode::asText).containsExactly("Database upgrade");
    assertThat(tab.evaluate("[...document.querySelectorAll('.legend-list li')].map(li => li.textContent)"))
        .extracting(JsonNode::asText).anySatisfy(entry -> assertThat(entry).startsWith("Under maintenance: "));
  }

  @Test
  void aSquaresTooltipNamesTheIncidentsAndMaintenancesOfItsDay() {
    tab.navigate(page(INCIDENTS));
    String square = "[...document.querySelectorAll('article.card')]"
        + ".find(card => card.querySelector('h3').textContent === '%s')"
        + ".querySelectorAll('li.day')[%d]";
    int outageDay = 80;
    int moveDay = 84;
    assertThat(tab.evaluate(String.format(square, "Checkout", outageDay) + ".title").asText())
        .startsWith(NinetyDaySeed.FIRST_DAY.plusDays(outageDay) + " · Major outage")
        .endsWith(" · Incident: \u2068Checkout down\u2069");
    assertThat(tab.evaluate(String.format(square, "Cart", moveDay) + ".title").asText())
        .startsWith(NinetyDaySeed.FIRST_DAY.plusDays(moveDay).toString())
        .endsWith(" · Maintenance: \u2068Cart service move\u2069");

    tab.evaluate(String.format(square, "Checkout", outageDay) + ".scrollIntoView({block: 'center'})");
    JsonNode point = tab.evaluate("(() => { const r = " + String.format(square, "Checkout", outageDay)
        + ".getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()");
    tab.hover(point.get("x").asDouble(), point.get("y").asDouble());
    assertThat(tab.evaluate("document.querySelector('.tip').innerText").asText())
        .contains("Incident: \u2068Checkout down\u2069");
    assertThat(tab.problems()).isEmpty();
  }

  @Test
  void pastIncidentsListTheLastFourteenDaysAndSayWhenNothingHappened() {
    tab.navigate(page(INCIDENTS));

    JsonNode days = tab.evaluate("""
        [...document.querySelectorAll('section.past-day')].map(day => ({
          date: day.querySelector('time').getAttribute('datetime'),
          quiet: day.querySelector('.quiet') ? day.querySelector('.quiet').textContent : null,
          names: [...day.querySelectorAll('article h4 a')].map(a => a.textContent)
        }))
        """);
    assertThat(days).hasSize(14);
    assertThat(days.get(0).get("date").asText()).isEqualTo("2025-06-30");
    assertThat(days.get(13).get("date").asText()).isEqualTo("2025-06-17");
    assertThat(days.get(0).get("names")).extracting(JsonNode::asText)
        .containsExactly("Cart database tuning", NoticeSeed.OPEN.name());
    assertThat(days.get(5).get("names")).extracting(JsonNode::asText).containsExactly("Cart service move");
    assertThat(days.get(9).get("names")).extracting(JsonNode::asText).containsExactly("Checkout down");
    assertThat(days).filteredOn(day -> !day.get("quiet").isNull()).hasSize(11)
        .allSatisfy(day -> assertThat(day.get("quiet").asText()).isEqualTo("No incidents reported."));
  }

  @Test
  void theIncidentPageShowsItsWholeTimelineWithoutJavaScript() {
    tab.scriptsDisabled(true);
    try {
      tab.navigate(page(INCIDENTS));
      assertThat(tab.evaluate("document.querySelectorAll('section.active-notices article').length").asInt())
          .as("the page's incidents need no script").isEqualTo(1);

      tab.navigate(incident(INCIDENTS, "checkoutopen"));
      JsonNode page = tab.evaluate("""
          ({
            title: document.querySelector('h1').textContent,
            updates: [...document.querySelectorAll('ol.timeline li .update-body')].map(p => p.innerText),
            affected: document.querySelector('.notice-affected').textContent,
            when: document.querySelector('.notice-when').textContent,
            scripts: document.scripts.length
          })
          """);
      assertThat(page.get("title").asText()).isEqualTo(NoticeSeed.OPEN.name());
      assertThat(page.get("updates")).extracting(JsonNode::asText).containsExactly(
          "Identified – " + NoticeSeed.OPEN.updates().get(0).body(),
          "Investigating – " + NoticeSeed.OPEN.updates().get(1).body());
      assertThat(page.get("affected").asText()).isEqualTo("Affects Checkout");
      assertThat(page.get("when").asText()).isEqualTo("Began 2025-06-30 14:50 UTC · ongoing for 52 min");
      assertThat(page.get("scripts").asInt()).isZero();
      assertThat(tab.requests()).allSatisfy(url -> assertThat(url).startsWith(origin(INCIDENTS) + "/status"));
      assertThat(tab.problems()).as("no CSP report either").isEmpty();
      tab.screenshot(OUTPUT.resolve("incident-page.png"));
    } finally {
      tab.scriptsDisabled(false);
    }
  }

  @Test
  void theIncidentPageAndTheHistoryFollowDarkModeAndFitAPhone() {
    tab.prefersColorScheme("dark");
    tab.resize(360, 740, true);
    for (String url : List.of(incident(INCIDENTS, "checkoutdown"), page(INCIDENTS) + "/history",
        page(INCIDENTS))) {
      tab.navigate(url);
      assertThat(luminance("document.documentElement", "backgroundColor")).as(url).isLessThan(0.2);
      assertThat(luminance("document.querySelector('h1')", "color")).as(url).isGreaterThan(0.7);
      assertThat(fitsTheScreenWidth()).as(url + " needs no sideways scrolling").isTrue();
      assertThat(tab.problems()).as(url).isEmpty();
    }
    assertThat(tab.evaluate("[...document.querySelectorAll('section.active-notices h3')].length").asInt())
        .isEqualTo(1);
  }

  @Test
  void hostileIncidentNamesAndBodiesAreInertOnThePageAndTheirOwnPages() throws IOException {
    tab.resize(360, 740, true);
    List<String> urls = new ArrayList<>(List.of(page(HOSTILE)));
    NoticeSeed.HOSTILE.forEach(notice -> urls.add(incident(HOSTILE, notice.id())));
    for (String url : urls) {
      tab.navigate(url);
      tab.evaluate("new Promise(done => setTimeout(done, 300))");

      assertThat(tab.dialogs()).as(url + ": no dialog").isEmpty();
      assertThat(tab.evaluate("document.querySelectorAll('img, svg, iframe, object, embed, [onerror], [onload]').length")
          .asInt()).as(url + ": no injected element").isZero();
      assertThat(tab.evaluate("[...document.querySelectorAll('a')].map(a => a.getAttribute('href'))"))
          .as(url).extracting(JsonNode::asText)
          .allSatisfy(href -> assertThat(href).matches("(/status|https://example\\.com/).*"));
      assertThat(tab.evaluate("[...document.querySelectorAll('a.body-link')].every(a => a.rel === 'nofollow noopener')")
          .asBoolean()).isTrue();
      assertThat(tab.evaluate("[...document.querySelectorAll('bdi')].every(b => getComputedStyle(b).unicodeBidi === 'isolate')")
          .asBoolean()).as(url + ": names cannot turn the text around them").isTrue();
      assertThat(fitsTheScreenWidth()).as(url + ": a 9,000-letter word wraps").isTrue();
      assertThat(tab.problems()).as(url + ": nothing even tried to run").isEmpty();
    }

    tab.navigate(page(HOSTILE));
    assertThat(tab.evaluate("[...document.querySelectorAll('section.active-notices h3 bdi')].map(b => b.textContent)"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(NoticeSeed.SCRIPT_NAME, NoticeSeed.IMAGE_NAME, NoticeSeed.REVERSING_NAME);
    tab.navigate(incident(HOSTILE, "hostile00001"));
    assertThat(tab.evaluate("document.querySelector('.update-body').textContent").asText())
        .isEqualTo("Investigating – " + NoticeSeed.HOSTILE_BODY);
    assertThat(tab.evaluate("[...document.querySelectorAll('a.body-link')].map(a => a.href)"))
        .extracting(JsonNode::asText).containsExactly("https://example.com/notes?a=1&b=2");
    tab.navigate(incident(HOSTILE, "hostile00002"));
    assertThat(tab.evaluate("document.querySelector('.update-body').textContent.length").asInt())
        .as("the whole body on its own page").isEqualTo("Investigating – ".length() + NoticeSeed.LONGEST_BODY.length());

    // The page's JSON: the same text, as data. (A script on the page could not even fetch it:
    // the CSP allows no connections.)
    HttpResponse<byte[]> answer =
        new PageFetcher(HOSTILE.getLocalPort()).get("/status", "Accept", "application/json");
    assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    JsonNode notices = new ObjectMapper().readTree(answer.body()).get("notices");
    assertThat(notices).extracting(n -> n.get("name").asText())
        .containsExactlyInAnyOrder(NoticeSeed.SCRIPT_NAME, NoticeSeed.IMAGE_NAME, NoticeSeed.REVERSING_NAME);
    assertThat(notices).extracting(n -> n.get("updates").get(0).get("body").asText())
        .contains(NoticeSeed.HOSTILE_BODY, NoticeSeed.LONGEST_BODY);
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
