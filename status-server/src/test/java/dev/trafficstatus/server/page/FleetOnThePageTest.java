package dev.trafficstatus.server.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.core.fleet.InstanceReporter;
import dev.trafficstatus.server.plugin.PluginCatalog;
import dev.trafficstatus.server.testapp.ShopApp;
import dev.trafficstatus.server.testapp.ShopConfiguration;
import dev.trafficstatus.server.testing.ConfigParsing;
import dev.trafficstatus.server.testing.FlushTask;
import dev.trafficstatus.server.wiring.StatusRuntime;
import dev.trafficstatus.spi.Lifecycle;
import dev.trafficstatus.testkit.MutableClock;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;

/**
 * The instances writing a service's figures, as people see them on the page: an instance that
 * stops reporting without a clean stop marks its service's figures incomplete (counts only, never
 * which instance or host) until it is restarted; a clean stop marks nothing; the host app's
 * version marks its deploy on the day's squares.
 *
 * <p>The page is the shop app's, on H2; the other instances are whole pipelines as the bundle
 * assembles them, writing into the same database. One is "killed": everything stops but its
 * instance report, which is what a killed process never writes (its clean stop).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class FleetOnThePageTest {

  private static final MutableClock CLOCK = MutableClock.at("2026-03-01T10:00:20Z");

  private static final String SECRET = "fleet-api-secret-0123456789";

  private static final String DATABASE = "jdbc:h2:mem:fleet-on-the-page;DB_CLOSE_DELAY=-1";

  static final DropwizardAppExtension<ShopConfiguration> APP =
      new DropwizardAppExtension<>(
          new DropwizardTestSupport<>(
              ShopApp.class,
              ResourceHelpers.resourceFilePath("shop.yml"),
              ConfigOverride.config("status.store.database.url", DATABASE),
              ConfigOverride.config("status.version", "1.4.2"),
              ConfigOverride.config("status.classification.ignoreNotFoundWithParameters", "false"),
              ConfigOverride.config("status.api.enabled", "true"),
              ConfigOverride.config("status.api.secret", SECRET)) {
            @Override
            public Application<ShopConfiguration> newApplication() {
              return new ShopApp(CLOCK);
            }
          });

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void anInstanceThatStopsReportingMarksItsServiceUntilItIsRestarted() throws Exception {
    traffic();
    OtherInstance killed = OtherInstance.start("web-2");
    String killedId = killed.runtime.instance();
    killed.kill();

    CLOCK.advance(Duration.ofMinutes(1));
    assertThat(page().at("/incomplete").size())
        .as("one flush interval after the kill, the instance is not late yet")
        .isZero();

    CLOCK.advance(Duration.ofMinutes(2));
    JsonNode silent = page();
    assertThat(silent.at("/incomplete").size()).isEqualTo(1);
    assertThat(silent.at("/incomplete/0/service").asText()).isEqualTo("shop");
    assertThat(silent.at("/incomplete/0/silent").asInt()).isEqualTo(1);
    assertThat(silent.at("/incomplete/0/instances").asInt()).isEqualTo(2);
    assertThat(silent.at("/incomplete/0/text").asText())
        .isEqualTo("figures incomplete: 1 of 2 instances has not reported for 3 minutes");
    byte[] html = html();
    Element notice = HtmlDocument.parse(html).one("//p[@class='silent-instances']");
    assertThat(HtmlDocument.text(notice))
        .contains("shop")
        .endsWith("figures incomplete: 1 of 2 instances has not reported for 3 minutes");
    String body = new String(html, StandardCharsets.UTF_8) + silent;
    assertThat(body).doesNotContain(killedId).doesNotContain(runtime().instance());
    assertThat(instancesTask())
        .as("the operator's admin task names them")
        .containsPattern("(?m)^" + killedId + " service=shop host=\\S+ version=- .* SILENT for 180s$")
        .containsPattern("(?m)^" + runtime().instance() + " service=shop .*version=1\\.4\\.2 .* reporting$");

    JsonNode listed = instancesApi();
    assertThat(listed.at("/instances").size()).isGreaterThanOrEqualTo(2);
    for (JsonNode instance : listed.at("/instances")) {
      if (instance.at("/instance").asText().equals(killedId)) {
        assertThat(instance.at("/state").asText()).isEqualTo("silent");
        assertThat(instance.at("/quietSeconds").asLong()).isEqualTo(180);
      } else if (instance.at("/instance").asText().equals(runtime().instance())) {
        assertThat(instance.at("/state").asText()).isEqualTo("reporting");
        assertThat(instance.at("/version").asText()).isEqualTo("1.4.2");
      }
    }
    try (Response anonymous = APP.client()
        .target("http://localhost:" + APP.getLocalPort() + "/flask-status/configure/instances")
        .request().get()) {
      assertThat(anonymous.getStatus()).as("host names are for the token's holder").isEqualTo(401);
    }

    OtherInstance restarted = OtherInstance.start("web-2");
    assertThat(page().at("/incomplete").size())
        .as("the restarted process on the same host counts instead of the killed one")
        .isZero();
    assertThat(HtmlDocument.parse(html()).all("//p[@class='silent-instances']")).isEmpty();
    restarted.stopCleanly();
  }

  @Test
  void anInstanceThatStopsCleanlyIsNotSilent() throws Exception {
    traffic();
    OtherInstance cleanlyStopped = OtherInstance.start("web-3");
    cleanlyStopped.stopCleanly();

    CLOCK.advance(Duration.ofMinutes(5));

    assertThat(page().at("/incomplete").size()).isZero();
    assertThat(HtmlDocument.parse(html()).all("//p[@class='silent-instances']")).isEmpty();
    assertThat(instancesTask())
        .containsPattern("(?m)^" + cleanlyStopped.runtime.instance() + " .* stopped cleanly at \\S+$");
  }

  @Test
  void theHostAppsVersionMarksItsDeployOnTheDaysSquares() throws Exception {
    traffic();

    JsonNode page = page();
    assertThat(page.at("/deploys").size()).isEqualTo(1);
    assertThat(page.at("/deploys/0/version").asText()).isEqualTo("1.4.2");
    assertThat(page.at("/deploys/0/day").asText()).isEqualTo("2026-03-01");
    assertThat(page.at("/deploys/0/instances").asInt()).isEqualTo(1);

    HtmlDocument document = HtmlDocument.parse(html());
    List<Element> cards = document.all("//article[@class='card']");
    assertThat(cards).isNotEmpty();
    for (Element card : cards) {
      List<Element> marked = document.all(card, ".//li[contains(@class,'deployed')]");
      assertThat(marked).as("one marked square per card: the deploy's day").hasSize(1);
      Element today = lastSquare(document, card);
      assertThat(marked.get(0)).isSameAs(today);
      assertThat(today.getAttribute("title"))
          .contains("1.4.2\u2069 deployed 10:00 UTC on 1 instance");
    }
    List<String> markedDays = new ArrayList<>();
    StreamSupport.stream(page.at("/deploys").spliterator(), false)
        .forEach(deploy -> markedDays.add(deploy.at("/day").asText()));
    assertThat(markedDays).containsExactly(page.at("/lastDay").asText());
  }

  @Test
  void anIncidentOpeningSoonAfterADeployNamesIt() throws Exception {
    FlushTask flush = new FlushTask(APP.client(), APP.getAdminPort());
    long before = flush.harvested();
    for (int i = 0; i < 30; i++) {
      try (Response response = APP.client()
          .target("http://localhost:" + APP.getLocalPort() + "/items/1").request().get()) {
        assertThat(response.getStatus()).isEqualTo(404);
      }
    }
    flush.untilHarvested(before + 30);
    long minutes = Duration.between(Instant.parse("2026-03-01T10:00:20Z"), CLOCK.instant()).toMinutes();

    assertThat(runtime().evaluator().orElseThrow().evaluateOnce().incidentsOpened()).isEqualTo(1);

    JsonNode incident = page().at("/notices/0");
    assertThat(incident.at("/automatic").asBoolean()).isTrue();
    String expected = minutes < 1
        ? "Started less than a minute after 1.4.2 was deployed."
        : "Started " + minutes + (minutes == 1 ? " minute" : " minutes") + " after 1.4.2 was deployed.";
    assertThat(incident.at("/updates/0/body").asText())
        .startsWith("item: major outage")
        .endsWith("\n" + expected);
  }

  private static Element lastSquare(HtmlDocument document, Element card) {
    List<Element> squares = document.all(card, ".//li");
    return squares.get(squares.size() - 1);
  }

  private static StatusRuntime runtime() {
    return ((ShopApp) APP.getApplication()).bundle().runtime();
  }

  /** Requests to the shop, flushed: the page shows its routes and its own instance reports. */
  private static void traffic() {
    for (int i = 0; i < 5; i++) {
      try (Response response = APP.client()
          .target("http://localhost:" + APP.getLocalPort() + "/hello").request().get()) {
        assertThat(response.getStatus()).isEqualTo(200);
      }
    }
    flushShop();
  }

  /** The shop's flush: it reports its own instance, as every flush does. */
  private static void flushShop() {
    try (Response flushed = APP.client()
        .target("http://localhost:" + APP.getAdminPort() + "/tasks/trafficstatus-flush")
        .request().post(Entity.text(""))) {
      assertThat(flushed.readEntity(String.class)).contains("pending: 0");
    }
  }

  private JsonNode instancesApi() throws Exception {
    return json.readTree(APP.client()
        .target("http://localhost:" + APP.getLocalPort() + "/flask-status/configure/instances")
        .request("application/json").header("Authorization", "Bearer " + SECRET).get(String.class));
  }

  private static String instancesTask() {
    try (Response listed = APP.client()
        .target("http://localhost:" + APP.getAdminPort() + "/tasks/trafficstatus-instances")
        .request().post(Entity.text(""))) {
      assertThat(listed.getStatus()).isEqualTo(200);
      return listed.readEntity(String.class);
    }
  }

  /** The page as JSON, read again after the shop's own flush at the clock's time. */
  private JsonNode page() throws Exception {
    flushShop();
    runtime().forgetCachedPages();
    return json.readTree(APP.client().target("http://localhost:" + APP.getLocalPort() + "/status")
        .request("application/json").get(String.class));
  }

  private static byte[] html() {
    runtime().forgetCachedPages();
    return APP.client().target("http://localhost:" + APP.getLocalPort() + "/status")
        .request("text/html").get(byte[].class);
  }

  /** Another process of the shop on the same database, its pipeline assembled as the bundle does. */
  private static final class OtherInstance {

    private final StatusRuntime runtime;
    private final List<Lifecycle> started = new ArrayList<>();

    private OtherInstance(StatusRuntime runtime) {
      this.runtime = runtime;
    }

    static OtherInstance start(String name) throws Exception {
      String yaml = """
          status:
            service: shop
            instance: %s
            captures: []
            page:
              enabled: false
            store:
              type: jdbi
              database:
                url: "%s"
                user: sa
                password: ""
          """.formatted(name, DATABASE);
      OtherInstance instance = new OtherInstance(StatusRuntime.assemble(
          ConfigParsing.parse(yaml).getStatus(),
          PluginCatalog.discover(FleetOnThePageTest.class.getClassLoader(), List.of()),
          "shop",
          null,
          null,
          CLOCK,
          (service, page) -> (type, notice) -> "{}"));
      for (Lifecycle part : instance.runtime.lifecycles()) {
        part.start();
        instance.started.add(0, part);
      }
      instance.runtime.startedStore(Duration.ofSeconds(30));
      assertThat(instance.runtime.flusher().flushAll().complete()).isTrue();
      return instance;
    }

    /** What a kill leaves: everything stops but the report of a clean stop, which never comes. */
    void kill() throws Exception {
      for (Lifecycle part : started) {
        if (!(part instanceof InstanceReporter)) {
          part.stop();
        }
      }
    }

    void stopCleanly() throws Exception {
      for (Lifecycle part : started) {
        part.stop();
      }
    }
  }
}
