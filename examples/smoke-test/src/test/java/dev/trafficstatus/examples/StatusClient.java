package dev.trafficstatus.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.server.testing.Eventually;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What a user does with a running app that embeds the bundle, over HTTP: calls its routes, runs
 * the admin port's flush task, and reads its status page as JSON.
 */
final class StatusClient {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Duration READ_LIMIT = Duration.ofSeconds(30);
  private static final Duration FLUSH_LIMIT = Duration.ofSeconds(60);
  private static final Pattern NOTHING_PENDING = Pattern.compile("\\bpending: 0\\b");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final String admin;

  /**
   * @param port the app's application port
   * @param adminPort its admin port
   */
  StatusClient(int port, int adminPort) {
    this.base = "http://localhost:" + port;
    this.admin = "http://localhost:" + adminPort;
  }

  /** The page's URL, to wait for until the app answers. */
  String pageUrl() {
    return base + "/status";
  }

  /** Calls a path of the app; its status code. */
  int get(String path) throws Exception {
    return HTTP.send(request(base + path).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /**
   * Sends a JSON body with a bearer token, as a script calling the API would.
   *
   * @return the answer
   */
  HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
    return HTTP.send(
        request(base + path)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Calls a path of the app; its body, once its status code was 200. */
  String body(String path) throws Exception {
    HttpResponse<String> answer =
        HTTP.send(request(base + path).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
    return answer.body();
  }

  /**
   * Writes everything counted so far, as an operator would with the admin task: again until it
   * leaves nothing pending, since the store starts in the background and on a busy machine may
   * not take writes yet when the app already answers.
   */
  void flush() throws Exception {
    long deadline = System.nanoTime() + FLUSH_LIMIT.toNanos();
    String report = flushOnce();
    while (!NOTHING_PENDING.matcher(report).find()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "the flush task still leaves counts pending after " + FLUSH_LIMIT + ": " + report);
      }
      Thread.sleep(200);
      report = flushOnce();
    }
  }

  private String flushOnce() throws Exception {
    return HTTP.send(
            request(admin + "/tasks/trafficstatus-flush")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /**
   * Flushes until the page shows this many requests for a rule: the last answered request may
   * reach the counters a moment after its client has the answer.
   */
  void awaitRequests(String rule, long requests) throws Exception {
    awaitRoute(rule, requests + " requests", route -> route.get("requests").asLong() == requests);
  }

  /** Flushes until the page has a route with this rule that meets a condition. */
  void awaitRoute(String rule, String what, Predicate<JsonNode> condition) throws Exception {
    Eventually.await(
        what + " of " + rule + " on the page",
        Duration.ofSeconds(15),
        () -> {
          flush();
          JsonNode route = routes().get(rule);
          return route != null && condition.test(route);
        });
  }

  /** The page as JSON. */
  JsonNode page() throws Exception {
    return JSON.readTree(
        HTTP.send(
                request(base + "/status").header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }

  /** The page as HTML, as a browser asks for it; its body, once its status code was 200. */
  String html() throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            request(pageUrl()).header("Accept", "text/html").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as("GET /status: %s", answer.body()).isEqualTo(200);
    return answer.body();
  }

  /** Each route on the page by rule. */
  Map<String, JsonNode> routes() throws Exception {
    Map<String, JsonNode> routes = new HashMap<>();
    for (JsonNode group : page().get("groups")) {
      for (JsonNode route : group.get("routes")) {
        routes.put(route.get("rule").asText(), route);
      }
    }
    return routes;
  }

  /** The name of each group on the page by the rules of its routes. */
  Map<String, String> groups() throws Exception {
    Map<String, String> groups = new HashMap<>();
    for (JsonNode group : page().get("groups")) {
      for (JsonNode route : group.get("routes")) {
        groups.put(route.get("rule").asText(), group.get("name").asText());
      }
    }
    return groups;
  }

  private static HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(READ_LIMIT);
  }
}
