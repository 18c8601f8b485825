package dev.trafficstatus.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.server.testing.Eventually;
import dev.trafficstatus.testkit.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shop with a public URL and a webhook but no email notifier takes no subscribers (nothing could mail their
 * confirmation): the subscribe page answers 404 as the form's target does, and the status page
 * neither links there nor lets a form be sent.
 */
class SubscribePageOffTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  private NotifyingShop shop;

  @AfterEach
  void stop() {
    if (shop != null) {
      shop.close();
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void without_subscriptions_the_subscribe_page_is_not_found_like_the_forms_target() throws Exception {
    shop = NotifyingShop.on(dir, MutableClock.at("2026-03-01T12:00:00Z"))
        .publicUrl("https://status.example.com/status").locales("en", "es")
        // Nothing listens there and nothing is announced: notifications are on, mail is not.
        .webhook("ops", "http://127.0.0.1:9/hooks/ops", "whsec-9f8e7d6c5b4a3210").start();
    Eventually.await("the page", Duration.ofSeconds(30), () -> {
      shop.runtime().forgetCachedPages();
      return send(HttpRequest.newBuilder(URI.create(shop.url("/status")))).statusCode() == 200;
    });

    HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(shop.url("/status"))));
    HttpResponse<String> get = send(HttpRequest.newBuilder(URI.create(shop.url("/status/subscribe")))
        .header("Accept-Language", "es"));
    HttpResponse<String> post = send(HttpRequest.newBuilder(URI.create(shop.url("/status/subscribe")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("email=ana%40example.com")));

    assertThat(get.statusCode()).isEqualTo(404);
    assertThat(post.statusCode()).isEqualTo(404);
    assertThat(get.body()).doesNotContain("<form");
    assertThat(page.body()).doesNotContain("/status/subscribe").doesNotContain("subscribe-link")
        .doesNotContain("<form");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("form-action 'none'");
  }
}
