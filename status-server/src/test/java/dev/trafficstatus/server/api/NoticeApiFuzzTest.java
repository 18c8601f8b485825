package dev.trafficstatus.server.api;

import static dev.trafficstatus.server.api.ShopWithApi.API;
import static dev.trafficstatus.server.api.ShopWithApi.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficstatus.server.testapp.ShopConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hundreds of malformed and hostile requests to the incident and maintenance API, each with the
 * right bearer token unless the header is what is under attack: wrong types, nulls, huge and
 * control-character texts, statuses and impacts of the other kind, windows in the past or
 * backwards, unknown routes, mass assignment, broken JSON, wrong tokens. Every one is refused with
 * a 4xx that leaks nothing, and afterwards every status table is exactly as before. Hostile but
 * valid text (markup, {@code javascript:} links, right-to-left overrides, emoji) is accepted as the
 * plain text it is and comes out of every JSON as that text, escaped.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class NoticeApiFuzzTest {

  private static final String DATABASE = ShopWithApi.memoryDatabase();

  static final DropwizardAppExtension<ShopConfiguration> APP =
      new DropwizardAppExtension<>(ShopWithApi.support(DATABASE));

  private static final List<String> NOT_STRINGS = List.of(
      "0", "-1", "1.5", "1e999999", "true", "false", "[]", "[\"x\"]", "{}", "{\"$ne\": null}",
      "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]");

  private static final List<String> BAD_LINES = List.of(
      "\"\"", "\"   \"", "\"two\\nlines\"", "\"nul\\u0000\"", "\"esc\\u001b[31mred\"", "\"del\\u007f\"",
      "\"c1\\u0085\"", "\"lone \\ud800\"", "\"swapped \\ude00\\ud83d\"", "\"" + "n".repeat(201) + "\"",
      "\"" + "😀".repeat(201) + "\"", "\"" + "</script>".repeat(30) + "\"");

  private static final List<String> BAD_BODIES = List.of(
      "\"nul\\u0000\"", "\"bell\\u0007\"", "\"esc\\u001b\"", "\"lone \\ud83d\"",
      "\"" + "b".repeat(10_001) + "\"", "\"" + "é".repeat(10_001) + "\"", "\"" + "x".repeat(100_000) + "\"");

  private static final List<String> BAD_TIMES = List.of(
      "\"\"", "\"tomorrow\"", "\"2025-13-01T00:00:00Z\"", "\"2025-06-15T10:00:00\"", "\"2025-06-15\"",
      "\"1749981600\"", "\"+999999999-12-31T23:59:59Z\"", "\"-0001-01-01T00:00:00Z\"",
      "\"0001-01-01T00:00:00Z\"", "\"<script>\"");

  private static final List<String> UNKNOWN_FIELDS = List.of(
      "id", "version", "automatic", "handled_by_person", "page_id", "incident_updates", "created_at",
      "resolved_at", "kind", "impact_override", "__proto__", "Name", "name ", "", "x".repeat(500));

  private record Probe(String label, String method, String path, byte[] body, String[] headers) {}

  private static String incident;
  private static String resolved;
  private static String maintenance;

  @BeforeAll
  static void someNotices() throws InterruptedException {
    // The store starts in the background; on a busy machine its migrations take a while.
    ShopWithApi.runtime(APP.getTestSupport()).startedStore(java.time.Duration.ofSeconds(60));
    ShopWithApi.traffic(APP.getTestSupport(), "/hello", 5, 200);
    ShopWithApi.flush(APP.getTestSupport());
    ApiClient client = ShopWithApi.client(APP.getTestSupport());
    incident = client.authorized("POST", API + "/incidents",
        "{\"name\": \"Open\", \"body\": \"x\", \"components\": {\"shop-hello\": \"degraded_performance\"}}", SECRET)
        .json().get("id").asText();
    resolved = client.authorized("POST", API + "/incidents", "{\"name\": \"Done\", \"status\": \"resolved\"}", SECRET)
        .json().get("id").asText();
    maintenance = client.authorized("POST", API + "/maintenances", "{\"name\": \"Later\", \"scheduled_for\":"
        + " \"2999-01-01T00:00:00Z\", \"scheduled_until\": \"2999-01-01T01:00:00Z\"}", SECRET).json().get("id").asText();
  }

  @Test
  void hostileRequestsAreRefusedWithA4xxAndLeaveEveryTableAsItWas() throws Exception {
    List<Probe> probes = probes();
    assertThat(probes).hasSizeGreaterThan(300);
    List<String> before = databaseDump();
    ApiClient client = ShopWithApi.client(APP.getTestSupport());
    SoftAssertions softly = new SoftAssertions();
    for (Probe probe : probes) {
      ApiClient.Answer answer;
      try {
        answer = client.send(probe.method(), probe.path(), probe.body(), probe.headers());
      } catch (UncheckedIOException noAnswer) {
        softly.fail(probe.label() + " got no answer: " + noAnswer.getCause());
        continue;
      }
      softly.assertThat(answer.status()).as(probe.label() + " -> " + answer.body()).isBetween(400, 499);
      softly.assertThat(answer.body()).as(probe.label() + " leaks nothing")
          .doesNotContain("Exception", "java.", "org.", "com.fasterxml", "[Source", "SQL", "jdbc", "at line");
      if (answer.contentType().startsWith("application/json") && answer.status() != 404 && answer.status() != 405) {
        softly.assertThat(answer.json().has("error")).as(probe.label() + ": " + answer.body()).isTrue();
      }
    }
    softly.assertAll();
    assertThat(databaseDump()).as("every row of every status table").isEqualTo(before);
  }

  private static List<Probe> probes() {
    List<Probe> probes = new ArrayList<>();
    String incidents = API + "/incidents";
    String maintenances = API + "/maintenances";
    String updates = incidents + "/" + incident + "/updates";
    String maintenanceUpdates = maintenances + "/" + maintenance + "/updates";
    for (String value : NOT_STRINGS) {
      for (String field : List.of("name", "status", "impact", "body", "started_at")) {
        json(probes, "POST", incidents, "{\"name\": \"x\", \"" + field + "\": " + value + "}");
      }
      if (!value.equals("{}")) {
        // An empty object is no routes: an incident of the whole service.
        json(probes, "POST", incidents, "{\"name\": \"x\", \"components\": " + value + "}");
      }
      json(probes, "POST", incidents, "{\"name\": \"x\", \"components\": {\"shop-hello\": " + value + "}}");
      json(probes, "POST", maintenances, window("\"component_ids\": " + (value.startsWith("[") ? "[" + value + "]" : value)));
      json(probes, "POST", updates, "{\"body\": " + value + "}");
      json(probes, "PATCH", incidents + "/" + incident, "{\"impact\": " + value + "}");
    }
    for (String name : BAD_LINES) {
      json(probes, "POST", incidents, "{\"name\": " + name + ", \"body\": \"x\"}");
      json(probes, "POST", maintenances, window("\"name\": " + name));
      json(probes, "PATCH", incidents + "/" + incident, "{\"name\": " + name + "}");
      json(probes, "PATCH", maintenances + "/" + maintenance, "{\"name\": " + name + "}");
    }
    for (String body : BAD_BODIES) {
      json(probes, "POST", incidents, "{\"name\": \"x\", \"body\": " + body + "}");
      json(probes, "POST", updates, "{\"body\": " + body + "}");
      json(probes, "POST", maintenanceUpdates, "{\"body\": " + body + "}");
      json(probes, "POST", incidents + "/" + incident + "/resolve", "{\"body\": " + body + "}");
    }
    for (String time : BAD_TIMES) {
      json(probes, "POST", incidents, "{\"name\": \"x\", \"started_at\": " + time + "}");
      json(probes, "POST", maintenances, "{\"name\": \"x\", \"scheduled_for\": " + time
          + ", \"scheduled_until\": \"2999-01-01T01:00:00Z\"}");
      json(probes, "PATCH", maintenances + "/" + maintenance, "{\"scheduled_until\": " + time + "}");
      json(probes, "POST", updates, "{\"body\": \"x\", \"display_at\": " + time + "}");
    }
    for (String status : List.of("\"RESOLVED\"", "\"resolved \"", "\"scheduled\"", "\"completed\"",
        "\"in_progress\"", "\"<script>\"", "\"investigating\\u0000\"")) {
      json(probes, "POST", incidents, "{\"name\": \"x\", \"status\": " + status + "}");
      json(probes, "POST", updates, "{\"status\": " + status + ", \"body\": \"x\"}");
    }
    for (String status : List.of("\"resolved\"", "\"investigating\"", "\"postmortem\"", "\"SCHEDULED\"")) {
      json(probes, "POST", maintenanceUpdates, "{\"status\": " + status + ", \"body\": \"x\"}");
    }
    for (String impact : List.of("\"maintenance\"", "\"CRITICAL\"", "\"severe\"", "\"javascript:alert(1)\"", "\"\"")) {
      json(probes, "POST", incidents, "{\"name\": \"x\", \"impact\": " + impact + "}");
      json(probes, "PATCH", incidents + "/" + incident, "{\"impact\": " + impact + "}");
    }
    for (String route : List.of("shop-nothing", "", "SHOP-HELLO", "' OR '1'='1", "<img src=x onerror=alert(1)>",
        "0123456789ab", "shop-hello ", "x".repeat(5_000))) {
      json(probes, "POST", incidents, "{\"name\": \"x\", \"components\": {\"" + route + "\": \"major_outage\"}}");
      json(probes, "POST", maintenances, window("\"component_ids\": [\"" + route + "\"]"));
      json(probes, "PATCH", incidents + "/" + incident, "{\"component_ids\": [\"" + route + "\"]}");
    }
    for (String state : List.of("\"under_maintenance\"", "\"down\"", "\"no_data\"", "\"Operational\"")) {
      json(probes, "POST", updates, "{\"body\": \"x\", \"components\": {\"shop-hello\": " + state + "}}");
    }
    for (String field : UNKNOWN_FIELDS) {
      json(probes, "POST", incidents, "{\"name\": \"x\", \"" + field + "\": \"y\"}");
      json(probes, "POST", maintenances, window("\"" + field + "\": true"));
      json(probes, "PATCH", incidents + "/" + incident, "{\"name\": \"y\", \"" + field + "\": 1}");
    }
    // Windows: in the past without a reason, backwards, too long, missing ends.
    for (String window : List.of(
        "\"scheduled_for\": \"2020-01-01T00:00:00Z\", \"scheduled_until\": \"2020-01-01T01:00:00Z\"",
        "\"scheduled_for\": \"2020-01-01T00:00:00Z\", \"scheduled_until\": \"2020-01-01T01:00:00Z\", \"backdated_reason\": \" \"",
        "\"scheduled_for\": \"2999-01-01T02:00:00Z\", \"scheduled_until\": \"2999-01-01T01:00:00Z\"",
        "\"scheduled_for\": \"2999-01-01T01:00:00Z\", \"scheduled_until\": \"2999-01-01T01:00:00Z\"",
        "\"scheduled_for\": \"2999-01-01T00:00:00Z\", \"scheduled_until\": \"2999-01-05T00:00:00Z\"",
        "\"scheduled_for\": \"2999-01-01T00:00:00Z\"", "\"scheduled_until\": \"2999-01-01T00:00:00Z\"")) {
      json(probes, "POST", maintenances, "{\"name\": \"x\", " + window + "}");
    }
    json(probes, "PATCH", maintenances + "/" + maintenance, "{\"scheduled_for\": \"2999-01-01T02:00:00Z\"}");
    json(probes, "PATCH", maintenances + "/" + maintenance, "{\"scheduled_until\": \"2999-01-09T00:00:00Z\"}");
    json(probes, "PATCH", incidents + "/" + incident, "{\"scheduled_for\": \"2999-01-01T02:00:00Z\"}");
    // Nothing to change, nothing to say, wrong state.
    for (String body : List.of("{}", "null", "{\"name\": null}", "{\"component_ids\": null}")) {
      json(probes, "PATCH", incidents + "/" + incident, body);
    }
    json(probes, "POST", updates, "{\"body\": \"from the future\", \"display_at\": \"2999-01-01T00:00:00Z\"}");
    json(probes, "POST", updates, "{}");
    json(probes, "POST", updates, "{\"status\": \"identified\"}");
    json(probes, "POST", incidents, "{}");
    json(probes, "POST", incidents, "{\"body\": \"no name\"}");
    json(probes, "POST", incidents + "/" + resolved + "/resolve", "");
    json(probes, "POST", maintenances + "/" + incident + "/complete", "");
    json(probes, "POST", incidents + "/" + maintenance + "/resolve", "");
    json(probes, "DELETE", maintenances + "/" + incident, null);
    json(probes, "POST", incidents + "/zzzzzzzzzzzz/updates", "{\"body\": \"x\"}");
    // Broken JSON and other formats.
    for (String body : List.of("{", "{\"name\"}", "{'name': 'x'}", "{name: \"x\"}", "{\"name\": \"x\",}",
        "[{\"name\": \"x\"}]", "{\"name\": \"a\", \"name\": \"b\"}", "<name>x</name>", "name=x",
        "{\"name\": \"x\"} {\"name\": \"y\"}", "{\"name\": \"\\u12\"}", "\"x\"", "NaN", "[".repeat(10_000),
        "{\"a\":".repeat(5_000), "\u0000", "{\"name\": \"x\"" + " ".repeat(140_000) + "}")) {
      json(probes, "POST", incidents, body);
      json(probes, "POST", maintenances, body);
    }
    probes.add(new Probe("bytes", "POST", incidents, new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xff, '"', '}'},
        auth("Content-Type", "application/json")));
    // Tokens and types that are not accepted, on a body that would be.
    byte[] accepted = "{\"name\": \"Hijacked\", \"body\": \"x\"}".getBytes(StandardCharsets.UTF_8);
    for (String authorization : List.of("", "Bearer", "Bearer " + SECRET.toUpperCase(), "Basic " + SECRET,
        SECRET, "Bearer " + SECRET + "x", "Bearer null")) {
      probes.add(new Probe("Authorization: " + authorization, "POST", incidents, accepted,
          new String[] {"Authorization", authorization, "Content-Type", "application/json"}));
    }
    probes.add(new Probe("no Authorization", "POST", incidents, accepted, new String[] {"Content-Type", "application/json"}));
    probes.add(new Probe("query token", "POST", incidents + "?access_token=" + SECRET, accepted,
        auth("Content-Type", "application/json")));
    for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "text/json")) {
      probes.add(new Probe("Content-Type: " + type, "POST", incidents, accepted, auth("Content-Type", type)));
    }
    for (String method : List.of("PUT", "TRACE")) {
      probes.add(new Probe("method " + method, method, incidents, accepted, auth("Content-Type", "application/json")));
    }
    return probes;
  }

  private static String window(String more) {
    return "{\"name\": \"w\", \"scheduled_for\": \"2999-01-01T00:00:00Z\", \"scheduled_until\":"
        + " \"2999-01-01T01:00:00Z\", " + more + "}";
  }

  private static void json(List<Probe> probes, String method, String path, String body) {
    String label = method + " " + path.substring(API.length()) + " "
        + (body == null ? "" : body.length() > 120 ? body.substring(0, 120) + "… (" + body.length() + ")" : body);
    probes.add(new Probe(label, method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
        auth("Content-Type", "application/json")));
  }

  private static String[] auth(String... more) {
    List<String> headers = new ArrayList<>(List.of("Authorization", "Bearer " + SECRET));
    headers.addAll(List.of(more));
    return headers.toArray(String[]::new);
  }

  @Test
  void hostileButValidTextIsKeptAsTextAndComesOutOfEveryJsonEscaped() {
    String name = "</script><script>alert(1)</script> <img src=x onerror=alert(2)> \u202Egnp.exe";
    String body = "Details: javascript:alert(3) and https://example.com/\"><svg onload=alert(4)>\n"
        + "עברית RTL 😀 tab\there " + "z".repeat(9_000);
    ApiClient client = ShopWithApi.client(APP.getTestSupport());
    ApiClient.Answer opened = client.authorized("POST", API + "/incidents", "{\"name\": "
        + quoted(name) + ", \"body\": " + quoted(body) + "}", SECRET);
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    String id = opened.json().get("id").asText();

    ApiClient.Answer unresolved = client.get("/api/v2/incidents/unresolved.json");
    assertThat(unresolved.body()).doesNotContain("</script>", "<img", "<svg");
    JsonNode found = null;
    for (JsonNode incident : unresolved.json().get("incidents")) {
      if (incident.get("id").asText().equals(id)) {
        found = incident;
      }
    }
    assertThat(found).isNotNull();
    assertThat(found.get("name").asText()).isEqualTo(name);
    assertThat(found.at("/incident_updates/0/body").asText()).isEqualTo(body);
    JsonNode page = ShopWithApi.page(APP.getTestSupport());
    assertThat(page.get("notices").toString()).contains(id);
    for (JsonNode notice : page.get("notices")) {
      if (notice.get("id").asText().equals(id)) {
        assertThat(notice.get("name").asText()).isEqualTo(name);
      }
    }
    client.authorized("DELETE", API + "/incidents/" + id, null, SECRET);
  }

  private static String quoted(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The columns the instance's own report moves at every scheduled flush, whatever the API did: a
   * flush during the fuzz (a loaded machine stretches it past a flush interval) is not a change.
   */
  private static final Set<String> HEARTBEAT =
      Set.of("status_instances.last_flush_at", "status_instances.last_seen_at");

  /** Every row of every status table, every column as text (but the heartbeat), sorted. */
  private static List<String> databaseDump() throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(DATABASE, "sa", "")) {
      List<String> tables = new ArrayList<>();
      try (ResultSet result = connection.createStatement().executeQuery(
          "SELECT table_name FROM information_schema.tables WHERE LOWER(table_name) LIKE 'status\\_%'")) {
        while (result.next()) {
          tables.add(result.getString(1));
        }
      }
      assertThat(tables).as("the notice tables").anyMatch(t -> t.toLowerCase().contains("notice"));
      for (String table : tables) {
        try (ResultSet result = connection.createStatement().executeQuery("SELECT * FROM \"" + table + "\"")) {
          ResultSetMetaData meta = result.getMetaData();
          while (result.next()) {
            StringBuilder row = new StringBuilder(table).append(':');
            for (int column = 1; column <= meta.getColumnCount(); column++) {
              if (HEARTBEAT.contains((table + "." + meta.getColumnName(column)).toLowerCase())) {
                continue;
              }
              Object value = result.getObject(column);
              row.append(' ').append(meta.getColumnName(column)).append('=')
                  .append(value instanceof byte[] binary ? HexFormat.of().formatHex(binary) : value);
            }
            rows.add(row.toString());
          }
        }
      }
    }
    rows.sort(null);
    return rows;
  }

}
