package dev.trafficstatus.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.trafficstatus.server.browser.BrowserTab;
import dev.trafficstatus.server.browser.HeadlessChromium;
import dev.trafficstatus.server.testing.Eventually;
import dev.trafficstatus.server.testing.TestSmtp;
import dev.trafficstatus.spi.store.Subscriber;
import dev.trafficstatus.testkit.MutableClock;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The subscribe form in a real browser with JavaScript off, as a person who blocks scripts uses
 * it: from the status page, which reloads itself, the footer's link to the subscribe page, which
 * does not; there the address typed, one route ticked in the route picker, the button pressed. The
 * browser must send the form under the subscribe page's Content-Security-Policy, the answer page
 * must say a mail is on its way, and the subscription waits with the ticked route.
 */
class SubscribeFormBrowserTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  private final MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");
  private GreenMail smtp;
  private NotifyingShop shop;
  private HeadlessChromium browser;
  private BrowserTab tab;

  @BeforeEach
  void start() throws Exception {
    smtp = new GreenMail(TestSmtp.smtp());
    smtp.start();
    shop = NotifyingShop.on(dir, clock).publicUrl("https://status.example.com/status")
        .email(smtp.getSmtp().getPort())
        .start();
    browser = HeadlessChromium.launch(dir.resolve("chromium.log"));
    tab = browser.newTab(1000, 1400);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (shop != null) {
      shop.close();
    }
    smtp.stop();
  }

  @Test
  void aPersonWithoutScriptsFollowsTheLinkAndSubscribesToOneRouteThroughTheSubscribePagesForm()
      throws Exception {
    String page = shop.url("/status");
    Eventually.await("the subscribe page lists the routes", Duration.ofSeconds(30), () -> {
      shop.runtime().forgetCachedPages();
      return HTTP.send(HttpRequest.newBuilder(URI.create(page + "/subscribe")).build(),
          HttpResponse.BodyHandlers.ofString()).body().contains("value=\"/items/{id}\"");
    });
    tab.scriptsDisabled(true);
    tab.navigate(page);
    assertThat(tab.html()).as("the status page reloads itself and has no form")
        .contains("http-equiv=\"refresh\"").doesNotContain("<form");

    tab.clickAndAwaitLoad("p.subscribe-link > a");

    assertThat(tab.html()).as("the subscribe page does not reload itself")
        .doesNotContain("http-equiv=\"refresh\"").contains("<form class=\"subscribe\"");
    assertThat(tab.requests()).contains(page + "/subscribe");
    tab.click("details.subscribe-routes > summary");
    tab.click("input[name=route][value='/items/{id}']");
    tab.click("#subscribe-email");
    tab.type("ana@example.com");
    tab.clickAndAwaitLoad("form.subscribe button[type=submit]");

    assertThat(tab.problems()).as("nothing refused by the page's policy").isEmpty();
    assertThat(tab.html()).contains("a confirmation mail is on its way");
    Eventually.await("the confirmation mail", Duration.ofSeconds(30), () -> smtp.getReceivedMessages().length == 1);
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ana@example.com");
    Matcher token = Pattern.compile("confirm\\?token=([A-Za-z0-9_-]+)").matcher(GreenMailUtil.getBody(mail));
    assertThat(token.find()).isTrue();
    HttpResponse<String> confirmed = HTTP.send(
        HttpRequest.newBuilder(URI.create(page + "/subscribe/confirm"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("token=" + token.group(1))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(confirmed.statusCode()).isEqualTo(200);
    assertThat(shop.runtime().store().subscribers().orElseThrow().confirmed("", 10))
        .extracting(Subscriber::routes).containsExactly(List.of("/items/{id}"));
  }
}
