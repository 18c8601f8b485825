package dev.trafficstatus.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.trafficstatus.server.browser.BrowserTab;
import dev.trafficstatus.server.browser.HeadlessChromium;
import dev.trafficstatus.server.testapp.ShopApp;
import dev.trafficstatus.server.testapp.ShopConfiguration;
import dev.trafficstatus.server.testing.Eventually;
import dev.trafficstatus.server.testing.TestSmtp;
import dev.trafficstatus.server.wiring.StatusRuntime;
import dev.trafficstatus.spi.store.Subscriber;
import dev.trafficstatus.testkit.MutableClock;
import io.dropwizard.core.Application;
import io.dropwizard.testing.DropwizardTestSupport;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The subscribe form in a real browser with JavaScript off, as a person who blocks scripts uses
 * it: the address typed, one route ticked in the route picker, the button pressed. The browser must
 * send the form under the page's Content-Security-Policy, the answer page must say a mail is on its
 * way, and the subscription waits with the ticked route.
 */
class SubscribeFormBrowserTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  private final MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");
  private GreenMail smtp;
  private DropwizardTestSupport<ShopConfiguration> app;
  private HeadlessChromium browser;
  private BrowserTab tab;

  @BeforeEach
  void start() throws Exception {
    smtp = new GreenMail(TestSmtp.smtp());
    smtp.start();
    Path config = dir.resolve("subscribe-browser.yml");
    Files.writeString(config, """
        server:
          applicationConnectors:
            - type: http
              port: 0
          adminConnectors:
            - type: http
              port: 0
          requestLog:
            appenders: []
        logging:
          level: WARN
        status:
          store:
            type: jdbi
            database:
              url: jdbc:h2:mem:subscribe-browser-%s;DB_CLOSE_DELAY=-1
              user: sa
              password: ""
          page:
            title: The Shop
            publicUrl: https://status.example.com/status
          incidents:
            auto:
              enabled: false
          notifications:
            interval: 100ms
            notifiers:
              - type: email
                host: 127.0.0.1
                port: %d
                security: NONE
                from: "The Shop status <status@example.com>"
        """.formatted(UUID.randomUUID(), smtp.getSmtp().getPort()));
    app = new DropwizardTestSupport<>(ShopApp.class, config.toString()) {
      @Override
      public Application<ShopConfiguration> newApplication() {
        return new ShopApp(clock);
      }
    };
    app.before();
    runtime().startedStore(Duration.ofSeconds(60));
    browser = HeadlessChromium.launch(dir.resolve("chromium.log"));
    tab = browser.newTab(1000, 1400);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (app != null) {
      app.after();
    }
    smtp.stop();
  }

  private StatusRuntime runtime() {
    return app.<ShopApp>getApplication().bundle().runtime();
  }

  @Test
  void aPersonWithoutScriptsSubscribesToOneRouteThroughThePagesForm() throws Exception {
    String page = "http://localhost:" + app.getLocalPort() + "/status";
    Eventually.await("the page lists the routes", Duration.ofSeconds(30), () -> {
      runtime().forgetCachedPages();
      return HTTP.send(HttpRequest.newBuilder(URI.create(page)).build(), HttpResponse.BodyHandlers.ofString())
          .body().contains("value=\"/items/{id}\"");
    });
    tab.scriptsDisabled(true);
    tab.navigate(page);

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
    assertThat(runtime().store().subscribers().orElseThrow().confirmed("", 10))
        .extracting(Subscriber::routes).containsExactly(List.of("/items/{id}"));
  }
}
