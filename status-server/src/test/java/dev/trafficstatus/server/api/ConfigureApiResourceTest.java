package dev.trafficstatus.server.api;

import static dev.trafficstatus.server.api.ShopWithApi.API;
import static dev.trafficstatus.server.api.ShopWithApi.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficstatus.testkit.MutableClock;
import dev.trafficstatus.server.testapp.ShopConfiguration;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoredRoute;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every answer of the configure API, through the real app: the bundle's registration under
 * FlaskStatus's path, the real bearer filter, the strict body reader and the JDBI store on H2.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConfigureApiResourceTest {

  private static final MutableClock CLOCK = new MutableClock(Instant.now());

  static final DropwizardAppExtension<ShopConfiguration> APP =
      new DropwizardAppExtension<>(ShopWithApi.support(ShopWithApi.memoryDatabase(), CLOCK));

  private static DropwizardTestSupport<ShopConfiguration> app() {
    return APP.getTestSupport();
  }

  private static ApiClient client() {
    return ShopWithApi.client(app());
  }

  private static StatusStore store() {
    return ShopWithApi.runtime(app()).store();
  }

  private static ApiClient.Answer call(String method, String json) {
    return client().authorized(method, API, json, SECRET);
  }

  /** A route of another service sharing the database, for a test of its own. */
  private static RouteKey otherServiceRoute(String rule) {
    RouteKey key = new RouteKey("billing-" + UUID.randomUUID().toString().substring(0, 8), rule);
    store().declareRoutes(List.of(new RouteDescriptor(key, "invoice", "An invoice.", "Billing")));
    return key;
  }

  private static StoredRoute stored(RouteKey key) {
    return store().routes().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
  }

  @BeforeAll
  static void trafficIsRecorded() {
    ShopWithApi.traffic(app(), "/hello", 12, 200);
    ShopWithApi.traffic(app(), "/items/2", 12, 200);
    ShopWithApi.flush(app());
  }

  // ---- 200

  @Test
  void putWithTheSeedsBodyRenamesTheRouteAndThePageShowsItAtOnce() {
    ShopWithApi.page(app()); // the page is now cached; the edit must not wait for its refresh

    ApiClient.Answer answer = call("PUT", "{\"rule\": \"/hello\", \"name\": \"Hello World!\", \"doc\": \"\"}");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.contentType()).startsWith("application/json");
    JsonNode body = answer.json();
    assertThat(body.get("message").asText()).isEqualTo("Route modified");
    assertThat(body.get("route").get("rule").asText()).isEqualTo("/hello");
    assertThat(body.get("route").get("service").asText()).isEqualTo("shop");
    assertThat(body.get("route").get("name").asText()).isEqualTo("Hello World!");
    assertThat(body.get("route").get("doc").asText()).isEmpty();
    assertThat(body.get("route").get("edited").asBoolean()).isTrue();
    assertThat(body.get("route").get("hidden").asBoolean()).isFalse();
    JsonNode shown = ShopWithApi.pageRoutes(app()).get("/hello");
    assertThat(shown.get("name").asText()).isEqualTo("Hello World!");
    assertThat(shown.get("requests").asLong()).as("renaming keeps the history").isEqualTo(12);
  }

  @Test
  void putOfADocAloneKeepsTheNameAndTheServiceFieldReachesAnotherService() {
    RouteKey invoice = otherServiceRoute("/invoices/{id}");

    ApiClient.Answer answer =
        call(
            "PUT",
            "{\"rule\": \"/invoices/{id}\", \"service\": \"" + invoice.service()
                + "\", \"doc\": \"<script>alert(1)</script>\\nsecond line\"}");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(stored(invoice))
        .isEqualTo(
            new StoredRoute(invoice, "invoice", "<script>alert(1)</script>\nsecond line", "Billing", false, true));
  }

  @Test
  void deleteHidesTheRouteWithItsHistoryAndRestoreBringsItBackEmpty() {
    ApiClient.Answer deleted = call("DELETE", "{\"rule\": \"/items/{id}\"}");

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.body()).isEqualTo("{\"message\":\"Route deleted\"}");
    assertThat(ShopWithApi.pageRoutes(app())).doesNotContainKey("/items/{id}");
    assertThat(ShopWithApi.apiRoutes(app()).get("shop /items/{id}").get("hidden").asBoolean()).isTrue();
    assertThat(call("DELETE", "{\"rule\": \"/items/{id}\"}").status()).as("already deleted").isEqualTo(404);
    ShopWithApi.traffic(app(), "/items/4", 3, 200);
    ShopWithApi.flush(app());
    assertThat(ShopWithApi.pageRoutes(app())).as("fresh traffic does not undo it").doesNotContainKey("/items/{id}");

    ApiClient.Answer restored = client().authorized("POST", API + "/restore", "{\"rule\": \"/items/{id}\"}", SECRET);

    assertThat(restored.status()).isEqualTo(200);
    assertThat(restored.json().get("message").asText()).isEqualTo("Route restored");
    assertThat(restored.json().get("route").get("hidden").asBoolean()).isFalse();
    JsonNode back = ShopWithApi.pageRoutes(app()).get("/items/{id}");
    assertThat(back).isNotNull();
    assertThat(back.get("requests").asLong()).as("history stays deleted").isZero();
    // The open minute still holds the requests from before the delete; they must stay deleted.
    CLOCK.advance(Duration.ofMinutes(1));
    ShopWithApi.traffic(app(), "/items/6", 2, 200);
    ShopWithApi.flush(app());
    assertThat(store().readSince(CLOCK.instant().minus(Duration.ofHours(1))))
        .as("traffic counts again from the minute after the restore (the page shows it at its next refresh)")
        .filteredOn(tally -> tally.route().equals(new RouteKey("shop", "/items/{id}")))
        .singleElement()
        .satisfies(tally -> assertThat(tally.tally().total()).isEqualTo(2));
  }

  @Test
  void getListsEveryRouteOfEveryServiceWithNameDocAndHiddenState() {
    RouteKey invoice = otherServiceRoute("/invoices");
    store().deleteRoute(invoice);

    ApiClient.Answer list = client().authorized("GET", API, null, SECRET);

    assertThat(list.status()).isEqualTo(200);
    JsonNode hidden = ShopWithApi.apiRoutes(app()).get(invoice.service() + " /invoices");
    assertThat(hidden.get("name").asText()).isEqualTo("invoice");
    assertThat(hidden.get("doc").asText()).isEqualTo("An invoice.");
    assertThat(hidden.get("group").asText()).isEqualTo("Billing");
    assertThat(hidden.get("hidden").asBoolean()).isTrue();
    assertThat(ShopWithApi.apiRoutes(app())).containsKey("shop /hello");
  }

  @Test
  void theApisOwnRequestsAreNeverCapturedAsRoutes() {
    call("PUT", "{\"rule\": \"/nope\", \"name\": \"x\"}");
    call("DELETE", "{}");
    client().authorized("POST", API + "/restore", "{\"rule\": \"/nope\"}", SECRET);
    client().get(API);
    ShopWithApi.flush(app());

    assertThat(ShopWithApi.apiRoutes(app()).keySet()).noneMatch(key -> key.contains("flask-status"));
  }

  // ---- 400

  @Test
  void aMissingRuleIsTheSeedsNoRuleProvided() {
    for (String body : List.of("{}", "{\"rule\": null}", "{\"rule\": \"\"}", "", "  \n")) {
      for (String method : List.of("PUT", "DELETE")) {
        ApiClient.Answer answer = call(method, body);
        assertThat(answer.status()).as(method + " " + body).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("No rule provided");
      }
    }
    assertThat(call("PUT", "{\"name\": \"x\", \"doc\": \"y\"}").error()).isEqualTo("No rule provided");
  }

  @Test
  void unknownFieldsAreRefusedSoNoColumnCanBeMassAssigned() {
    RouteKey invoice = otherServiceRoute("/invoices/{id}/pay");
    String service = "\"service\": \"" + invoice.service() + "\"";
    StoredRoute before = stored(invoice);

    for (String extra : List.of("\"hidden\": true", "\"edited\": false", "\"group\": \"Pwned\"", "\"id\": 1",
        "\"url\": \"javascript:alert(1)\"", "\"link\": \"javascript:alert(1)\"")) {
      ApiClient.Answer answer =
          call("PUT", "{\"rule\": \"/invoices/{id}/pay\", " + service + ", \"name\": \"Pay\", " + extra + "}");
      assertThat(answer.status()).as(extra).isEqualTo(400);
      assertThat(answer.error()).startsWith("Unknown field '").endsWith("this request takes rule, service, name and doc");
    }
    ApiClient.Answer delete =
        call("DELETE", "{\"rule\": \"/invoices/{id}/pay\", " + service + ", \"name\": \"Pay\"}");
    assertThat(delete.status()).isEqualTo(400);
    assertThat(delete.error()).isEqualTo("Unknown field 'name': this request takes rule and service");
    assertThat(stored(invoice)).isEqualTo(before);
  }

  @Test
  void overLongNamesAndDocsAreRefusedWithTheLimit() {
    ApiClient.Answer name = call("PUT", "{\"rule\": \"/hello\", \"name\": \"" + "n".repeat(201) + "\"}");
    ApiClient.Answer doc = call("PUT", "{\"rule\": \"/hello\", \"doc\": \"" + "d".repeat(2_001) + "\"}");

    assertThat(name.status()).isEqualTo(400);
    assertThat(name.error()).isEqualTo("name must be at most 200 characters, got 201");
    assertThat(doc.status()).isEqualTo(400);
    assertThat(doc.error()).isEqualTo("doc must be at most 2000 characters, got 2001");
  }

  @Test
  void bodiesThatAreNotJsonObjectsAreRefused() {
    assertThat(call("PUT", "rule=/hello&name=x").error()).startsWith("Body is not valid JSON (line 1");
    assertThat(call("PUT", "{\"rule\": \"/hello\"").error()).startsWith("Body is not valid JSON");
    assertThat(call("DELETE", "[\"/hello\"]").error())
        .isEqualTo("Body must be one JSON object such as {\"rule\": \"/\"}");
    assertThat(call("DELETE", "null").error()).startsWith("Body must be one JSON object");
    assertThat(call("DELETE", "{\"rule\": \"/a\"} {\"rule\": \"/b\"}").error()).startsWith("Body must be one JSON object");
    assertThat(call("DELETE", "{\"rule\": \"/a\", \"rule\": \"/b\"}").error())
        .isEqualTo("Body is not a valid request: a field appears twice");
    assertThat(call("PUT", "{\"rule\": \"/hello\", \"name\": 42}").error()).isEqualTo("name must be a string or null");
    assertThat(call("PUT", "{\"rule\": [\"/hello\"], \"name\": \"x\"}").error()).isEqualTo("rule must be a string or null");
    assertThat(call("PUT", "{\"rule\": \"/hello\", \"doc\": {\"$ne\": 1}}").error()).isEqualTo("doc must be a string or null");
    assertThat(call("PUT", "{\"rule\": \"/hello\"}").error()).isEqualTo("Nothing to change: give a name, a doc or both");
    assertThat(call("PUT", "{\"rule\": \"/hello\", \"name\": \"two\\nlines\"}").error())
        .isEqualTo("name must be one line without control characters: found U+000A at character 4");
    assertThat(call("DELETE", "{\"rule\": \"/hello\\u0000\"}").error())
        .isEqualTo("rule must be valid text without control characters");
    assertThat(ShopWithApi.apiRoutes(app())).containsKey("shop /hello");
  }

  // ---- 404

  @Test
  void anUnknownRuleOrServiceIsNotFoundAndSaysHowToListRoutes() {
    ApiClient.Answer put = call("PUT", "{\"rule\": \"/nope\", \"name\": \"x\"}");
    ApiClient.Answer delete = call("DELETE", "{\"rule\": \"/hello\", \"service\": \"other\"}");
    ApiClient.Answer restore =
        client().authorized("POST", API + "/restore", "{\"rule\": \"/hello\"}", SECRET);

    assertThat(put.status()).isEqualTo(404);
    assertThat(put.error()).startsWith("No route '/nope' in service 'shop'; GET " + API + " lists the routes")
        .contains("listed from its start");
    assertThat(delete.status()).isEqualTo(404);
    assertThat(delete.error()).startsWith("No route '/hello' in service 'other'");
    assertThat(restore.status()).as("not deleted").isEqualTo(404);
    assertThat(restore.error()).startsWith("No deleted route '/hello' in service 'shop'");
  }

  // ---- 413 and 415

  @Test
  void aBodyOverTheLimitIsTooLargeWhetherItsLengthIsDeclaredOrNot() throws Exception {
    String big = "{\"rule\": \"/hello\", \"doc\": \"" + "x".repeat(ApiRequestReader.MAX_BODY_BYTES) + "\"}";

    ApiClient.Answer declared = call("PUT", big);
    assertThat(declared.status()).isEqualTo(413);
    assertThat(declared.error())
        .isEqualTo("Body too large: at most " + ApiRequestReader.MAX_BODY_BYTES + " bytes");

    byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> chunked =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort() + API))
                    .header("Authorization", "Bearer " + SECRET)
                    .header("Content-Type", "application/json")
                    .method("PUT", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(chunked.body()).contains("Body too large");
  }

  @Test
  void aBodyThatIsNotDeclaredAsJsonIsAnUnsupportedMediaType() {
    ApiClient.Answer form =
        client().send("PUT", API, "{\"rule\": \"/hello\", \"name\": \"x\"}",
            "Authorization", "Bearer " + SECRET, "Content-Type", "application/x-www-form-urlencoded");

    assertThat(form.status()).isEqualTo(415);
    assertThat(form.error()).isEqualTo("Content-Type must be application/json (send the body as JSON)");
    assertThat(ShopWithApi.apiRoutes(app()).get("shop /hello").get("name").asText()).isNotEqualTo("x");
  }

  // ---- 401

  @Test
  void aMissingOrWrongTokenIsUnauthorizedWithABearerChallenge() {
    String body = "{\"rule\": \"/hello\", \"name\": \"Hijacked\"}";
    List<ApiClient.Answer> refused =
        List.of(
            client().send("PUT", API, body, "Content-Type", "application/json"),
            client().authorized("PUT", API, body, "wrong-secret-of-some-length"),
            client().authorized("PUT", API, body, SECRET + "x"),
            client().authorized("PUT", API, body, SECRET.substring(1)),
            client().send("PUT", API, body, "Authorization", "Basic " + SECRET),
            client().send("PUT", API, body, "Authorization", SECRET),
            client().send("PUT", API, body, "Authorization", "Bearer"),
            client().send("GET", API, (byte[]) null),
            client().send("POST", API + "/restore", body));

    for (ApiClient.Answer answer : refused) {
      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.wwwAuthenticate()).startsWith("Bearer realm=\"trafficstatus\"");
      assertThat(answer.error()).isIn("Missing bearer token: send the header Authorization: Bearer <API secret>",
          "Invalid bearer token");
    }
    assertThat(refused.get(1).wwwAuthenticate()).isEqualTo("Bearer realm=\"trafficstatus\", error=\"invalid_token\"");
    assertThat(ShopWithApi.apiRoutes(app()).get("shop /hello").get("name").asText()).isNotEqualTo("Hijacked");
  }

  @Test
  void aTokenInTheQueryStringIsNotAcceptedEvenBesideAGoodHeader() {
    String body = "{\"rule\": \"/hello\", \"name\": \"Hijacked\"}";
    List<ApiClient.Answer> refused =
        List.of(
            client().send("PUT", API + "?access_token=" + SECRET, body, "Content-Type", "application/json"),
            client().send("GET", API + "?access_token=" + SECRET, (byte[]) null),
            client().send("GET", API + "?x=1&access%5Ftoken=" + SECRET, (byte[]) null),
            client().authorized("PUT", API + "?access_token=" + SECRET, body, SECRET));

    for (ApiClient.Answer answer : refused) {
      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.wwwAuthenticate()).isEqualTo("Bearer realm=\"trafficstatus\", error=\"invalid_request\"");
      assertThat(answer.error()).contains("a token in the query string (access_token) is not accepted");
    }
  }

  @Test
  void theSchemeIsCaseInsensitiveAsHttpSays() {
    ApiClient.Answer answer = client().send("GET", API, (byte[]) null, "Authorization", "bearer " + SECRET);

    assertThat(answer.status()).isEqualTo(200);
  }

  @Test
  void strangersLearnNothingAboutBodiesBeforeTheyAuthenticate() {
    ApiClient.Answer answer = client().send("PUT", API, "{\"hidden\": true}", "Content-Type", "application/json");

    assertThat(answer.status()).isEqualTo(401);
  }
}
