package dev.trafficstatus.server.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One tab of {@link HeadlessChromium}: loads pages, runs script in them, and records what a person
 * would not see but a test must: console errors, uncaught exceptions, browser log errors (where
 * Content-Security-Policy violations and failed loads appear), JavaScript dialogs (dismissed at
 * once) and every URL the page requested.
 */
public final class BrowserTab {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DevToolsConnection connection;
  private final String targetId;
  private final String session;
  private final List<String> problems = new ArrayList<>();
  private final List<String> dialogs = new ArrayList<>();
  private final List<String> requests = new ArrayList<>();

  BrowserTab(DevToolsConnection connection, String targetId, String session) {
    this.connection = connection;
    this.targetId = targetId;
    this.session = session;
    connection.listen(event -> {
      if (session.equals(event.sessionId())) {
        record(event.method(), event.params());
      }
    });
    for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
      call(domain + ".enable", object());
    }
  }

  String targetId() {
    return targetId;
  }

  private void record(String method, JsonNode params) {
    switch (method) {
      case "Runtime.consoleAPICalled" -> {
        String type = params.path("type").asText();
        if (type.equals("error") || type.equals("assert")) {
          List<String> args = new ArrayList<>();
          params.path("args").forEach(arg -> args.add(
              arg.has("value") ? arg.get("value").asText() : arg.path("description").asText()));
          problem("console." + type + ": " + String.join(" ", args));
        }
      }
      case "Runtime.exceptionThrown" -> {
        JsonNode details = params.path("exceptionDetails");
        problem("uncaught exception: " + details.path("exception").path("description")
            .asText(details.path("text").asText()));
      }
      case "Log.entryAdded" -> {
        JsonNode entry = params.path("entry");
        if (entry.path("level").asText().equals("error")) {
          problem("browser log (" + entry.path("source").asText() + "): " + entry.path("text").asText()
              + (entry.hasNonNull("url") ? " at " + entry.get("url").asText() : ""));
        }
      }
      case "Page.javascriptDialogOpening" -> {
        synchronized (dialogs) {
          dialogs.add(params.path("type").asText() + ": " + params.path("message").asText());
        }
        // Answered off this thread: the receiving thread must never wait on the browser.
        CompletableFuture.runAsync(() -> connection.send(
            session, "Page.handleJavaScriptDialog", object().put("accept", false)));
      }
      case "Network.requestWillBeSent" -> {
        synchronized (requests) {
          requests.add(params.path("request").path("url").asText());
        }
      }
      default -> {
        // Other events say nothing a test checks.
      }
    }
  }

  private void problem(String text) {
    synchronized (problems) {
      problems.add(text);
    }
  }

  /**
   * Loads a page and waits for its load event (deferred scripts have run by then). Forgets what
   * the previous page recorded.
   *
   * @param url the page
   * @throws IllegalStateException when it does not load in time or cannot be reached
   */
  public void navigate(String url) {
    synchronized (problems) {
      problems.clear();
    }
    synchronized (dialogs) {
      dialogs.clear();
    }
    synchronized (requests) {
      requests.clear();
    }
    CompletableFuture<JsonNode> loaded = connection.next(session, "Page.loadEventFired");
    JsonNode navigation = call("Page.navigate", object().put("url", url));
    if (navigation.hasNonNull("errorText") && !navigation.get("errorText").asText().isEmpty()) {
      throw new IllegalStateException("cannot load " + url + ": " + navigation.get("errorText").asText());
    }
    connection.await(loaded, "load event of " + url);
  }

  /**
   * Runs an expression in the page and returns its value as JSON (promises are awaited).
   *
   * @param expression JavaScript
   * @return its value; a missing node for {@code undefined}
   * @throws AssertionError when the expression throws
   */
  public JsonNode evaluate(String expression) {
    JsonNode answer = call("Runtime.evaluate",
        object().put("expression", expression).put("returnByValue", true).put("awaitPromise", true));
    if (answer.has("exceptionDetails")) {
      throw new AssertionError("the page threw on `" + expression + "`: "
          + answer.get("exceptionDetails").path("exception").path("description")
              .asText(answer.get("exceptionDetails").path("text").asText()));
    }
    return answer.path("result").path("value");
  }

  /**
   * The accessible name the browser computes for an element: what a screen reader announces.
   *
   * @param selector a CSS selector; its first match is used
   * @return the name, empty when it has none
   * @throws AssertionError when nothing matches
   */
  public String accessibleName(String selector) {
    call("Accessibility.enable", object());
    int root = call("DOM.getDocument", object().put("depth", 0)).path("root").path("nodeId").asInt();
    int node = call("DOM.querySelector", object().put("nodeId", root).put("selector", selector))
        .path("nodeId").asInt();
    if (node == 0) {
      throw new AssertionError("nothing matches " + selector);
    }
    JsonNode nodes = call("Accessibility.getPartialAXTree",
        object().put("nodeId", node).put("fetchRelatives", false)).path("nodes");
    return nodes.path(0).path("name").path("value").asText("");
  }

  /**
   * Sets the viewport.
   *
   * @param width CSS pixels
   * @param height CSS pixels
   * @param mobile whether to behave as a phone (honours the page's viewport meta tag)
   */
  public void resize(int width, int height, boolean mobile) {
    call("Emulation.setDeviceMetricsOverride", object()
        .put("width", width).put("height", height).put("deviceScaleFactor", 1).put("mobile", mobile));
  }

  /**
   * Makes the page see the given {@code prefers-color-scheme}, as a system in dark mode would.
   *
   * @param scheme {@code light} or {@code dark}
   */
  public void prefersColorScheme(String scheme) {
    ObjectNode params = object();
    ArrayNode features = params.putArray("features");
    features.addObject().put("name", "prefers-color-scheme").put("value", scheme);
    call("Emulation.setEmulatedMedia", params);
  }

  /**
   * Sends {@code Accept-Language} with every request from now on, as a browser set to that
   * language does.
   *
   * @param languages the header's value, such as {@code es-ES,es;q=0.9}
   */
  public void acceptLanguage(String languages) {
    ObjectNode params = object();
    params.putObject("headers").put("Accept-Language", languages);
    call("Network.setExtraHTTPHeaders", params);
  }

  /**
   * Turns JavaScript off or on for the pages loaded next, as a person who blocks scripts.
   *
   * @param disabled whether scripts are off
   */
  public void scriptsDisabled(boolean disabled) {
    call("Emulation.setScriptExecutionDisabled", object().put("value", disabled));
  }

  /**
   * Moves the mouse to a point of the viewport, as a person pointing at something.
   *
   * @param x CSS pixels from the left of the viewport
   * @param y CSS pixels from the top of the viewport
   */
  public void hover(double x, double y) {
    call("Input.dispatchMouseEvent", object().put("type", "mouseMoved").put("x", x).put("y", y));
  }

  /**
   * Clicks the middle of an element, as a person with a mouse: pressed and released, through the
   * browser's input, so it works with scripts off.
   *
   * @param selector a CSS selector; its first match is clicked
   * @throws AssertionError when nothing matches
   */
  public void click(String selector) {
    int root = call("DOM.getDocument", object().put("depth", 0)).path("root").path("nodeId").asInt();
    int node = call("DOM.querySelector", object().put("nodeId", root).put("selector", selector))
        .path("nodeId").asInt();
    if (node == 0) {
      throw new AssertionError("nothing matches " + selector);
    }
    call("DOM.scrollIntoViewIfNeeded", object().put("nodeId", node));
    JsonNode quad = call("DOM.getContentQuads", object().put("nodeId", node)).path("quads").path(0);
    double x = (quad.get(0).asDouble() + quad.get(4).asDouble()) / 2;
    double y = (quad.get(1).asDouble() + quad.get(5).asDouble()) / 2;
    for (String type : List.of("mousePressed", "mouseReleased")) {
      call("Input.dispatchMouseEvent", object()
          .put("type", type).put("x", x).put("y", y).put("button", "left").put("clickCount", 1));
    }
  }

  /**
   * Clicks an element and waits for the page it leads to, as a person pressing a form's button.
   *
   * @param selector a CSS selector; its first match is clicked
   * @throws IllegalStateException when no page loads in time (such as a submission the
   *     Content-Security-Policy refused: see {@link #problems()})
   */
  public void clickAndAwaitLoad(String selector) {
    CompletableFuture<JsonNode> loaded = connection.next(session, "Page.loadEventFired");
    click(selector);
    connection.await(loaded, "the page after clicking " + selector);
  }

  /**
   * Types text into the focused element, as a keyboard would.
   *
   * @param text the text
   */
  public void type(String text) {
    call("Input.insertText", object().put("text", text));
  }

  /**
   * The document as the browser holds it now, read without running script in the page.
   *
   * @return its outer HTML
   */
  public String html() {
    int root = call("DOM.getDocument", object().put("depth", 0)).path("root").path("nodeId").asInt();
    return call("DOM.getOuterHTML", object().put("nodeId", root)).path("outerHTML").asText();
  }

  /**
   * Saves a PNG of the whole page, beyond the viewport, at the viewport's width.
   *
   * @param file where to write it
   * @return the file
   */
  public Path screenshot(Path file) {
    JsonNode size = call("Page.getLayoutMetrics", object()).path("cssContentSize");
    ObjectNode params = object().put("format", "png").put("captureBeyondViewport", true);
    params.putObject("clip")
        .put("x", 0).put("y", 0)
        .put("width", Math.ceil(size.path("width").asDouble()))
        .put("height", Math.ceil(size.path("height").asDouble()))
        .put("scale", 1);
    byte[] png = Base64.getDecoder().decode(call("Page.captureScreenshot", params).path("data").asText());
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, png);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }

  /**
   * Waits for the next JavaScript dialog, for tests that prove dialogs are noticed.
   *
   * @param cause what opens it, run after the wait is registered
   * @return the dialog, as recorded in {@link #dialogs()}
   */
  public String awaitDialog(Runnable cause) {
    CompletableFuture<JsonNode> opened = connection.next(session, "Page.javascriptDialogOpening");
    cause.run();
    JsonNode dialog = connection.await(opened, "JavaScript dialog");
    return dialog.path("type").asText() + ": " + dialog.path("message").asText();
  }

  /**
   * Console errors, uncaught exceptions and browser log errors since the last navigation.
   *
   * @return a copy
   */
  public List<String> problems() {
    synchronized (problems) {
      return List.copyOf(problems);
    }
  }

  /**
   * JavaScript dialogs (alert, confirm, prompt) opened since the last navigation.
   *
   * @return a copy, such as {@code ["alert: 1"]}
   */
  public List<String> dialogs() {
    synchronized (dialogs) {
      return List.copyOf(dialogs);
    }
  }

  /**
   * Every URL the page requested since the last navigation, the page itself included.
   *
   * @return a copy
   */
  public List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  private JsonNode call(String method, ObjectNode params) {
    return connection.call(session, method, params);
  }

  private static ObjectNode object() {
    return JSON.createObjectNode();
  }
}
