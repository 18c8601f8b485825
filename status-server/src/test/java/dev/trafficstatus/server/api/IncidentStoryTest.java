package dev.trafficstatus.server.api;

import static dev.trafficstatus.server.api.ShopWithApi.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.trafficstatus.core.evaluate.EvaluationReport;
import dev.trafficstatus.server.page.HtmlDocument;
import dev.trafficstatus.server.testapp.ShopConfiguration;
import dev.trafficstatus.server.testing.Eventually;
import dev.trafficstatus.server.wiring.StatusRuntime;
import dev.trafficstatus.testkit.MutableClock;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;

/**
 * Issue 16's whole story through the public interfaces, on a clock the test moves: the traffic
 * fails and an incident opens by itself; an operator says what was found; the traffic recovers
 * and the automatic resolution leaves the incident to the operator who took it over; the operator
 * resolves it; the page's JSON, the incident's page, the Atom feed and the Statuspage API then tell
 * the same timeline as the incident API.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class IncidentStoryTest {

  // 20 s past a minute, as the evaluator's thread runs.
  private static final MutableClock CLOCK = MutableClock.at("2026-03-01T10:00:20Z");

  static final DropwizardAppExtension<ShopConfiguration> APP =
      new DropwizardAppExtension<>(ShopWithApi.support(ShopWithApi.memoryDatabase(), CLOCK,
          // A missing item counts as a failure here, so that /items/1 is a failing route.
          Map.of("status.classification.ignoreNotFoundWithParameters", "false")));

  private static StatusRuntime runtime() {
    return ShopWithApi.runtime(APP.getTestSupport());
  }

  private static ApiClient client() {
    return ShopWithApi.client(APP.getTestSupport());
  }

  /** One minute of traffic to a route, written to the store, then the evaluator's run. */
  private static EvaluationReport minuteOf(String path, int status) {
    ShopWithApi.traffic(APP.getTestSupport(), path, 20, status);
    ShopWithApi.flush(APP.getTestSupport());
    EvaluationReport report = runtime().evaluator().orElseThrow().evaluateOnce();
    runtime().forgetCachedPages();
    return report;
  }

  private static JsonNode api(String method, String path, String json) {
    ApiClient.Answer answer = client().authorized(method, ShopWithApi.API + path, json, SECRET);
    assertThat(answer.status()).as(method + " " + path + ": " + answer.body()).isBetween(200, 201);
    return answer.json();
  }

  /** "status: body" of each update, newest first, as a JSON array of updates holds them. */
  private static List<String> timeline(JsonNode updates) {
    List<String> lines = new ArrayList<>();
    updates.forEach(update -> lines.add(update.get("status").asText() + ": " + update.get("body").asText()));
    return lines;
  }

  private static JsonNode withId(JsonNode list, String id) {
    for (JsonNode item : list) {
      if (item.get("id").asText().equals(id)) {
        return item;
      }
    }
    throw new AssertionError("no " + id + " in " + list);
  }

  @Test
  void theTrafficOpensItAPersonTellsItAndEveryViewShowsTheSameTimeline() throws Exception {
    runtime().startedStore(Duration.ofSeconds(60));

    // The traffic fails: the evaluator opens an incident by itself.
    assertThat(minuteOf("/items/1", 404).incidentsOpened()).isEqualTo(1);
    JsonNode open = api("GET", "/incidents", null).get("incidents").get(0);
    String id = open.get("id").asText();
    assertThat(open.get("status").asText()).isEqualTo("investigating");
    assertThat(ShopWithApi.page(APP.getTestSupport()).get("headline").asText()).isEqualTo("Major Outage");

    // An operator says what was found.
    CLOCK.advance(Duration.ofMinutes(1));
    api("POST", "/incidents/" + id + "/updates",
        "{\"status\": \"identified\", \"body\": \"A bad deploy; rolling it back.\"}");

    // The traffic recovers, for longer than the automatic resolution waits (15 minutes): the
    // incident stays the operator's.
    for (int minute = 0; minute < 25; minute++) {
      CLOCK.advance(Duration.ofMinutes(1));
      assertThat(minuteOf("/items/2", 200).incidentsResolved()).as("minute " + minute).isZero();
    }
    JsonNode waiting = api("GET", "/incidents/" + id, null);
    assertThat(waiting.get("status").asText()).isEqualTo("identified");
    assertThat(waiting.get("resolved_at").isNull()).isTrue();

    // The operator resolves it.
    CLOCK.advance(Duration.ofMinutes(1));
    JsonNode resolved = api("POST", "/incidents/" + id + "/updates",
        "{\"status\": \"resolved\", \"body\": \"The rollback is done; items load again.\"}");
    assertThat(resolved.get("status").asText()).isEqualTo("resolved");
    List<String> told = timeline(resolved.get("incident_updates"));
    assertThat(told.get(0)).isEqualTo("resolved: The rollback is done; items load again.");
    assertThat(told).contains("identified: A bad deploy; rolling it back.");
    assertThat(told.get(told.size() - 1)).startsWith("investigating: item: major outage");
    runtime().forgetCachedPages();

    // The page's JSON.
    JsonNode page = ShopWithApi.page(APP.getTestSupport());
    assertThat(page.get("headline").asText()).isEqualTo("All Systems Operational");
    JsonNode onThePage = withId(page.get("notices"), id);
    assertThat(onThePage.get("status").asText()).isEqualTo("resolved");
    assertThat(timeline(onThePage.get("updates"))).isEqualTo(told);

    // The Statuspage API.
    JsonNode statuspage = withId(client().get("/api/v2/incidents.json").json().get("incidents"), id);
    assertThat(statuspage.get("status").asText()).isEqualTo("resolved");
    assertThat(timeline(statuspage.get("incident_updates"))).isEqualTo(told);

    // The incident's page: one entry per update, in the same order, each with its body.
    ApiClient.Answer html = client().get("/status/incidents/" + id);
    assertThat(html.status()).isEqualTo(200);
    List<Element> entries = HtmlDocument.parse(html.body().getBytes(StandardCharsets.UTF_8))
        .all("//ol[@class='timeline']/li");
    assertThat(entries).hasSize(told.size());
    for (int i = 0; i < told.size(); i++) {
      String body = told.get(i).substring(told.get(i).indexOf(": ") + 2);
      assertThat(HtmlDocument.text(entries.get(i))).as("update " + i).contains(body);
    }

    // The Atom feed, read back as a feed reader reads it: while the history's month is read in
    // the background it answers 503 with Retry-After, and the reader comes back.
    ApiClient.Answer[] answered = new ApiClient.Answer[1];
    Eventually.await("the Atom feed", Duration.ofSeconds(30), () -> {
      answered[0] = client().get("/status/history.atom");
      return answered[0].status() == 200;
    });
    ApiClient.Answer atom = answered[0];
    SyndFeed feed = new SyndFeedInput().build(new StringReader(atom.body()));
    SyndEntry entry = feed.getEntries().stream()
        .filter(candidate -> candidate.getLink().endsWith("/status/incidents/" + id))
        .findFirst().orElseThrow();
    String content = entry.getContents().get(0).getValue();
    for (String line : told) {
      assertThat(content).contains(line.substring(line.indexOf(": ") + 2).replace("&", "&amp;"));
    }
    assertThat(entry.getUpdatedDate().toInstant().toString())
        .isEqualTo(resolved.get("updated_at").asText().replace(".000Z", "Z"));
  }
}
