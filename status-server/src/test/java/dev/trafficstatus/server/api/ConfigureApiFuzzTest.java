package dev.trafficstatus.server.api;

import static dev.trafficstatus.server.api.ShopWithApi.API;
import static dev.trafficstatus.server.api.ShopWithApi.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.server.testapp.ShopConfiguration;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.StatusStore;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hundreds of malformed and hostile requests, each with the right bearer token unless the header is
 * what is under attack: wrong types, nulls, huge strings, nested objects, broken encodings, unicode,
 * SQL and HTML meta-characters, mass assignment, hostile headers. Every one is refused with a 4xx
 * that leaks nothing, and afterwards the tables are exactly as before.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConfigureApiFuzzTest {

  private static final String DATABASE = ShopWithApi.memoryDatabase();

  static final DropwizardAppExtension<ShopConfiguration> APP =
      new DropwizardAppExtension<>(ShopWithApi.support(DATABASE));

  /** Another service sharing the database, so bodies may aim at it through "service". */
  private static final RouteKey BILLING = new RouteKey("billing", "/invoices/{id}");

  /** Values no string field accepts. */
  private static final List<String> NOT_STRINGS =
      List.of(
          "0", "-1", "1.5", "1e999999", "-0", "123456789012345678901234567890", "true", "false",
          "[]", "[\"/hello\"]", "[null]", "{}", "{\"$ne\": null}", "{\"rule\": \"/hello\"}",
          "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
          "{\"a\": {\"b\": {\"c\": {\"d\": [1, 2, {\"e\": null}]}}}}");

  /** Strings a name refuses (JSON-escaped where needed). */
  private static final List<String> BAD_NAMES =
      List.of(
          "\"\"", "\"   \"", "\"\\t\"", "\"two\\nlines\"", "\"nul\\u0000\"", "\"esc\\u001b[31mred\"",
          "\"del\\u007f\"", "\"c1\\u0085\"", "\"csi\\u009b\"", "\"cr\\r\"", "\"lone \\ud800\"",
          "\"lone \\udfff\"", "\"swapped \\ude00\\ud83d\"", "\"" + "n".repeat(201) + "\"",
          "\"" + "😀".repeat(201) + "\"", "\"" + "<script>alert(1)</script>".repeat(9) + "\"",
          "\"" + "x".repeat(20_000) + "\"");

  /** Strings a doc refuses. */
  private static final List<String> BAD_DOCS =
      List.of(
          "\"nul\\u0000\"", "\"bell\\u0007\"", "\"esc\\u001b\"", "\"c1\\u0080\"", "\"lone \\ud83d\"",
          "\"" + "d".repeat(2_001) + "\"", "\"" + "é".repeat(2_001) + "\"",
          "\"" + "'; DROP TABLE status_routes; --".repeat(70) + "\"");

  /** Rules and services that name no route: SQL and HTML meta-characters, lookalikes, paths. */
  private static final List<String> NO_SUCH_KEY =
      List.of(
          "/hello' OR '1'='1", "/hello\\\"; DROP TABLE status_routes; --", "/'||(SELECT 1)||'",
          "' UNION SELECT name FROM status_routes --", "/hello%", "%", "_", "/hel_o", "*", "/hello/",
          "/HELLO", " /hello", "/hello ", "/items/2", "/items/{ID}", "/items/{id}/", "../../etc/passwd",
          "/hello%00", "%2Fhello", "<script>alert(1)</script>", "javascript:alert(1)",
          "\\u202e/olleh", "/héllo", "/ｈｅｌｌｏ", "/hello\\u200b", "/𝕙𝕖𝕝𝕝𝕠", "/status",
          API, API + "/restore", "/" + "a".repeat(5_000), "{{7*7}}", "${jndi:ldap://x/a}",
          "\\\\", "/hello\\\\", "/hello?x=1", "/hello#frag");

  private static final List<String> UNKNOWN_FIELDS =
      List.of(
          "hidden", "edited", "group", "grp", "id", "counts_from", "__proto__", "constructor",
          "rule ", "Rule", "RULE", "name\\u0000", "", "'; DROP TABLE status_routes; --",
          "<img src=x onerror=alert(1)>", "url", "link", "href", "x".repeat(1_000));

  private record Probe(String label, String method, String path, byte[] body, String[] headers) {}

  @BeforeAll
  static void recordSomeHistory() {
    DropwizardTestSupport<ShopConfiguration> app = APP.getTestSupport();
    ShopWithApi.traffic(app, "/hello", 20, 200);
    ShopWithApi.traffic(app, "/items/2", 7, 200);
    ShopWithApi.traffic(app, "/items/1", 3, 404);
    ShopWithApi.flush(app);
    store().declareRoutes(List.of(new RouteDescriptor(BILLING, "invoice", "", "Billing")));
    store().deleteRoute(new RouteKey("shop", "/items/{id}"));
  }

  private static StatusStore store() {
    return ShopWithApi.runtime(APP.getTestSupport()).store();
  }

  @Test
  void hostileRequestsAreRefusedWithA4xxAndLeaveTheDatabaseByteForByteAsItWas() throws Exception {
    List<Probe> probes = probes();
    assertThat(probes.stream().filter(p -> p.body() != null).map(p -> new String(p.body(), StandardCharsets.ISO_8859_1))
        .distinct().count())
        .as("distinct hostile bodies")
        .isGreaterThanOrEqualTo(200);
    List<String> before = databaseDump();
    String storeBefore = storeView();
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
      softly.assertThat(answer.body())
          .as(probe.label() + " leaks nothing")
          .doesNotContain("Exception", "java.", "org.", "com.fasterxml", "[Source", "SQL", "jdbc", "at line");
      if (answer.contentType().startsWith("application/json") && answer.status() != 404 && answer.status() != 405) {
        softly.assertThat(answer.json().has("error") || answer.json().has("message"))
            .as(probe.label() + " says what is wrong: " + answer.body())
            .isTrue();
      }
    }
    for (String request : rawRequests()) {
      int status = client.raw(request.getBytes(StandardCharsets.ISO_8859_1));
      softly.assertThat(status).as("raw " + abbreviated(request)).isBetween(400, 499);
    }
    softly.assertAll();

    assertThat(databaseDump()).as("every row of every status table").isEqualTo(before);
    assertThat(storeView()).isEqualTo(storeBefore);
    assertThat(client.authorized("GET", API, null, SECRET).status()).as("still serving").isEqualTo(200);
  }

  private static List<Probe> probes() {
    List<Probe> probes = new ArrayList<>();
    // Wrong types in every field, with otherwise valid companions.
    for (String value : NOT_STRINGS) {
      put(probes, "{\"rule\": " + value + ", \"name\": \"x\"}");
      put(probes, "{\"rule\": \"/hello\", \"name\": " + value + "}");
      put(probes, "{\"rule\": \"/hello\", \"doc\": " + value + "}");
      put(probes, "{\"rule\": \"/hello\", \"service\": " + value + ", \"name\": \"x\"}");
      json(probes, "DELETE", API, "{\"rule\": " + value + "}");
      json(probes, "POST", API + "/restore", "{\"rule\": \"/items/{id}\", \"service\": " + value + "}");
    }
    // Nulls where a value is needed, and nothing to change.
    for (String body : List.of("{\"rule\": \"/hello\", \"name\": null, \"doc\": null}", "{\"rule\": null, \"name\": \"x\"}",
        "{\"rule\": \"/hello\", \"service\": null}", "{\"rule\": \"/hello\"}", "{\"service\": \"shop\"}", "{}",
        "null", "")) {
      put(probes, body);
    }
    for (String name : BAD_NAMES) {
      put(probes, "{\"rule\": \"/hello\", \"name\": " + name + "}");
    }
    for (String doc : BAD_DOCS) {
      put(probes, "{\"rule\": \"/hello\", \"name\": \"Fine\", \"doc\": " + doc + "}");
    }
    // Keys naming no route: a valid edit of nothing, deletes and restores of nothing.
    for (String key : NO_SUCH_KEY) {
      put(probes, "{\"rule\": \"" + key + "\", \"name\": \"Renamed\", \"doc\": \"<b>x</b>\"}");
      put(probes, "{\"rule\": \"/hello\", \"service\": \"" + key + "\", \"name\": \"Renamed\"}");
      json(probes, "DELETE", API, "{\"rule\": \"" + key + "\"}");
      json(probes, "POST", API + "/restore", "{\"rule\": \"" + key + "\", \"service\": \"billing\"}");
    }
    // Mass assignment: valid edits carrying one more column each.
    for (String field : UNKNOWN_FIELDS) {
      put(probes, "{\"rule\": \"/hello\", \"name\": \"Pwned\", \"" + field + "\": true}");
      json(probes, "DELETE", API, "{\"rule\": \"/hello\", \"" + field + "\": \"javascript:alert(1)\"}");
    }
    // Broken JSON and other formats.
    for (String body : List.of("{", "}", "{\"rule\"}", "{\"rule\":}", "{'rule': '/hello', 'name': 'x'}",
        "{rule: \"/hello\", name: \"x\"}", "{\"rule\": \"/hello\", \"name\": \"x\",}",
        "{\"rule\": \"/hello\", \"name\": \"x\" /* c */}", "// c\n{\"rule\": \"/hello\", \"name\": \"x\"}",
        "\"/hello\"", "NaN", "Infinity", "undefined", "{\"rule\": \"/hello\", \"name\": \"x\"}}",
        "{\"rule\": \"/hello\", \"name\": \"x\"} {\"rule\": \"/hello\", \"name\": \"y\"}",
        "[{\"rule\": \"/hello\", \"name\": \"x\"}]", "{\"rule\": \"/hello\", \"name\": \"a\", \"name\": \"b\"}",
        "{\"rule\": \"/hello\", \"rule\": \"/items/{id}\", \"name\": \"b\"}", "<rule>/hello</rule>",
        "rule=%2Fhello&name=x", "rule: /hello\nname: x", "{\"rule\": \"/hello\", \"name\": \"x\\q\"}",
        "{\"rule\": \"/hello\", \"name\": \"\\u12\"}", "{\"rule\": \"/hello\", \"name\": \"unterminated}",
        "{\"rule\": \"/hello\", \"name\": \"raw\ttab\"}", "{\"rule\": \"/hello\", \"name\": \"raw\u0001ctl\"}",
        "[".repeat(10_000), "{\"a\":".repeat(5_000), "1".repeat(5_000), "{\"rule\": " + "9".repeat(2_000) + "}",
        "\u0000", "\uFEFF{", "{\"rule\": \"/hello\", \"name\": \"x\"" + " ".repeat(60_000))) {
      put(probes, body);
    }
    // Bytes that are not UTF-8 text.
    for (byte[] body : List.of(
        bytes(0xff, 0xfe, 0x00, 0x00), bytes(0xc0, 0xaf), bytes(0xed, 0xa0, 0x80),
        concat("{\"rule\": \"/hello\", \"name\": \"", bytes(0xff), "\"}"),
        concat("{\"rule\": \"/hello\", \"name\": \"", bytes(0xc3), "\"}"),
        concat("{\"rule\": \"/hello\", \"name\": \"", bytes(0xf8, 0x88, 0x80, 0x80, 0x80), "\"}"),
        concat("{\"rule\": \"/hello\", \"name\": \"", bytes(0xed, 0xb0, 0x80), "\"}"),
        "{\"rule\": \"/hello\", \"name\": \"x\"".getBytes(StandardCharsets.UTF_16BE))) {
      probes.add(new Probe("bytes " + HexFormat.of().formatHex(body, 0, Math.min(16, body.length)), "PUT", API, body,
          auth("Content-Type", "application/json")));
    }
    // Too large, however the length is given.
    put(probes, "{\"rule\": \"/hello\", \"name\": \"x\", \"doc\": \"" + "y".repeat(70_000) + "\"}");
    put(probes, "{\"rule\": \"/hello\", \"name\": \"" + "z".repeat(1_000_000) + "\"}");
    hostileHeaders(probes);
    return probes;
  }

  /** A body that the API would accept, sent with headers it must not accept. */
  private static void hostileHeaders(List<Probe> probes) {
    byte[] accepted = "{\"rule\": \"/hello\", \"name\": \"Hijacked\"}".getBytes(StandardCharsets.UTF_8);
    for (String authorization : List.of("", "Bearer", "Bearer ", "Bearer  ", "Bearer " + SECRET + " extra",
        "Bearer " + SECRET.toUpperCase(), "Bearer " + SECRET.substring(0, 15), "Bearer " + SECRET + "," + SECRET,
        "Basic " + Base64.getEncoder().encodeToString((":" + SECRET).getBytes(StandardCharsets.UTF_8)),
        "Token " + SECRET, SECRET, "Bearer=" + SECRET, "Bearer:" + SECRET, "Bearer " + "' OR '1'='1",
        "Bearer " + "A".repeat(4_000), "Digest username=\"x\"", "Bearer \"" + SECRET + "\"", "Bearer null")) {
      probes.add(new Probe("Authorization: " + authorization, "PUT", API, accepted,
          new String[] {"Authorization", authorization, "Content-Type", "application/json"}));
    }
    probes.add(new Probe("no Authorization", "PUT", API, accepted, new String[] {"Content-Type", "application/json"}));
    for (String query : List.of("?access_token=" + SECRET, "?ACCESS_TOKEN=" + SECRET, "?access%5ftoken=" + SECRET,
        "?a=1&access_token=" + SECRET, "?access_token", "?access_token=")) {
      probes.add(new Probe("query " + query, "PUT", API + query, accepted, auth("Content-Type", "application/json")));
    }
    for (String query : List.of("?access_token=" + SECRET, "?a=1;access_token=" + SECRET, "?a=1&access_token=" + SECRET)) {
      probes.add(new Probe("query only " + query, "PUT", API + query, accepted,
          new String[] {"Content-Type", "application/json"}));
    }
    for (String type : List.of("text/plain", "text/html", "application/xml", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "application/json-patch", "application/jsonp",
        "*/*", "application/*", "text/json", "application/x-json-not")) {
      probes.add(new Probe("Content-Type: " + type, "PUT", API, accepted, auth("Content-Type", type)));
    }
    byte[] harmless = "{\"rule\": \"/nowhere\", \"name\": \"x\"}".getBytes(StandardCharsets.UTF_8);
    for (String path : List.of(API + "?rule=/hello&name=Hijacked", API + "/",
        API + "//", API + "/restore/", API + "/nope", API + "/..%2Fconfigure")) {
      probes.add(new Probe("path " + path, "PUT", path, harmless, auth("Content-Type", "application/json")));
    }
    for (String method : List.of("PATCH", "POST", "TRACE")) {
      probes.add(new Probe("method " + method, method, API, accepted, auth("Content-Type", "application/json")));
    }
    probes.add(new Probe("GET restore", "GET", API + "/restore", null, auth()));
    probes.add(new Probe("Accept: text/html", "PUT", API, harmless,
        auth("Content-Type", "application/json", "Accept", "text/html")));
    probes.add(new Probe("X-HTTP-Method-Override", "POST", API, accepted,
        auth("Content-Type", "application/json", "X-HTTP-Method-Override", "PUT")));
  }

  /** Requests with headers no client library sends: lying lengths, malformed types and URIs. */
  private static List<String> rawRequests() {
    String body = "{\"rule\": \"/hello\", \"name\": \"Hijacked\"}";
    String auth = "Authorization: Bearer " + SECRET + "\r\n";
    String end = "Connection: close\r\n\r\n";
    List<String> requests = new ArrayList<>();
    for (String type : List.of("json", "application", ";;;", "application/json/extra", "/", "\"application/json\"")) {
      requests.add("PUT " + API + " HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: " + type
          + "\r\nContent-Length: " + body.length() + "\r\n" + end + body);
    }
    for (String length : List.of("10", "-1", "abc", "99999999999999999999", "1, 2", " ")) {
      requests.add("PUT " + API + " HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
          + "Content-Length: " + length + "\r\n" + end + body);
    }
    requests.add("PUT " + API + " HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
        + "Content-Length: " + body.length() + "\r\nTransfer-Encoding: chunked\r\n" + end + body);
    requests.add("PUT " + API + " HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
        + "Transfer-Encoding: chunked\r\n" + end + "zz\r\n" + body + "\r\n0\r\n\r\n");
    requests.add("PUT " + API + " HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
        + "Transfer-Encoding: chunked\r\n" + end + "7fffffffffffffff\r\n" + body + "\r\n0\r\n\r\n");
    for (String target : List.of(API + "?%zz", API + "?%", API + "?access_token=%zz", API + "/%2e%2e/configure",
        API + "%00", API + "?<script>")) {
      requests.add("PUT " + target + " HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
          + "Content-Length: 32\r\n" + end + "{\"rule\": \"/nowhere\", \"x\": 1}");
    }
    requests.add("PUT " + API + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + SECRET + "\u00e9\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n" + end + body);
    requests.add("PUT " + API + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer\u0000" + SECRET + "\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n" + end + body);
    return requests;
  }

  private static void put(List<Probe> probes, String body) {
    json(probes, "PUT", API, body);
  }

  private static void json(List<Probe> probes, String method, String path, String body) {
    probes.add(new Probe(method + " " + abbreviated(body), method, path, body.getBytes(StandardCharsets.UTF_8),
        auth("Content-Type", "application/json")));
  }

  private static String[] auth(String... more) {
    List<String> headers = new ArrayList<>(List.of("Authorization", "Bearer " + SECRET));
    headers.addAll(List.of(more));
    return headers.toArray(String[]::new);
  }

  private static String abbreviated(String body) {
    return body.length() > 120 ? body.substring(0, 120) + "… (" + body.length() + " chars)" : body;
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  private static byte[] concat(String head, byte[] middle, String tail) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(middle);
    out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** What the store answers: routes, every day of the window, every recent minute. */
  private static String storeView() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return store().routes() + "\n" + store().readDays(today.minusDays(400), today.plusDays(1)).stream()
        .map(Object::toString).sorted().toList() + "\n" + store().readSince(Instant.EPOCH).stream()
        .map(Object::toString).sorted().toList();
  }

  /** Every row of every status table, every column as text (binary as hex), in key order. */
  private static List<String> databaseDump() throws Exception {
    Set<String> rows = new LinkedHashSet<>();
    try (Connection connection = DriverManager.getConnection(DATABASE, "sa", "")) {
      for (String query : List.of(
          "SELECT * FROM status_routes ORDER BY id",
          "SELECT * FROM status_minutes ORDER BY route_id, epoch_minute, instance",
          "SELECT * FROM status_days ORDER BY route_id, epoch_day",
          "SELECT * FROM status_hours ORDER BY route_id, epoch_hour",
          "SELECT * FROM status_hour_writes ORDER BY epoch_hour, instance",
          "SELECT * FROM status_day_state ORDER BY epoch_day")) {
        try (ResultSet result = connection.createStatement().executeQuery(query)) {
          ResultSetMetaData meta = result.getMetaData();
          while (result.next()) {
            StringBuilder row = new StringBuilder(query.substring(14, query.indexOf(" ORDER"))).append(':');
            for (int column = 1; column <= meta.getColumnCount(); column++) {
              Object value = result.getObject(column);
              row.append(' ').append(meta.getColumnName(column)).append('=')
                  .append(value instanceof byte[] binary ? HexFormat.of().formatHex(binary) : value);
            }
            rows.add(row.toString());
          }
        }
      }
    }
    assertThat(rows).as("the dump sees the rows").isNotEmpty();
    return List.copyOf(rows);
  }
}
