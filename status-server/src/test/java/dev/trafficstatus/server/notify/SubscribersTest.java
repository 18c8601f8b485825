package dev.trafficstatus.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.trafficstatus.server.testing.Eventually;
import dev.trafficstatus.server.testing.TestSmtp;
import dev.trafficstatus.spi.store.Subscriber;
import dev.trafficstatus.spi.store.SubscriberStore;
import dev.trafficstatus.testkit.MutableClock;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subscribers as a visitor and a mail server see them, on the shop with a real H2 store and
 * GreenMail as the SMTP server: the link to the subscribe page and its form, the confirmation
 * mail and its link (a GET shows a button, only the POST subscribes), an incident mail to
 * confirmed subscribers only, one-click unsubscribe, the same answer for known and unknown addresses, the rate limit, the cross-site
 * refusal, and the SMTP password kept out of the log.
 */
class SubscribersTest {

  private static final String API_SECRET = "tSx0L5exSjiPqqXs";
  private static final String SMTP_USER = "status@example.com";
  private static final String SMTP_PASSWORD = "smtp-Pa55-from-the-env";
  private static final String PUBLIC_URL = "https://status.example.com/status";
  private static final Pattern LINK = Pattern.compile(Pattern.quote(PUBLIC_URL) + "(/[A-Za-z/]+\\?token=[A-Za-z0-9_-]+)");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  private final MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");
  private GreenMail smtp;
  private NotifyingShop shop;
  private Path log;

  @BeforeEach
  void start() throws Exception {
    smtp = new GreenMail(TestSmtp.smtp());
    smtp.withConfiguration(GreenMailConfiguration.aConfig().withUser(SMTP_USER, SMTP_USER, SMTP_PASSWORD));
    smtp.start();
    log = dir.resolve("app.log");
    shop = NotifyingShop.on(dir, clock).logTo(log).publicUrl(PUBLIC_URL).locales("en", "es").api(API_SECRET)
        .notifications("timeout: 10s")
        .email(smtp.getSmtp().getPort(), SMTP_USER, SMTP_PASSWORD)
        .start();
  }

  @AfterEach
  void stop() {
    if (shop != null) {
      shop.close();
    }
    smtp.stop();
  }

  private SubscriberStore subscribers() {
    return shop.runtime().store().subscribers().orElseThrow();
  }

  private String local(String path) {
    return shop.url(path);
  }

  private HttpResponse<String> subscribe(String email, String origin, String... routes) throws Exception {
    StringBuilder form = new StringBuilder("email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
    for (String route : routes) {
      form.append("&route=").append(URLEncoder.encode(route, StandardCharsets.UTF_8));
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(local("/status/subscribe")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String ownOrigin() {
    return local("");
  }

  private HttpResponse<String> post(String path, String form) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(local(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(local(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private List<MimeMessage> mailsTo(String address) throws Exception {
    List<MimeMessage> to = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      if (Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address))) {
        to.add(message);
      }
    }
    return to;
  }

  /** The path of the first link to the page in a mail, such as {@code /status/subscribe/confirm?token=…}. */
  private static String linkIn(MimeMessage mail) {
    Matcher link = LINK.matcher(GreenMailUtil.getBody(mail));
    assertThat(link.find()).as("a link to the page in the mail").isTrue();
    return "/status" + link.group(1);
  }

  private String confirmedSubscriber(String address) throws Exception {
    assertThat(subscribe(address, ownOrigin()).statusCode()).isEqualTo(200);
    Eventually.await("the confirmation mail", Duration.ofSeconds(30), () -> !mailsTo(address).isEmpty());
    String confirm = linkIn(mailsTo(address).get(0));
    String token = confirm.substring(confirm.indexOf("token=") + "token=".length());
    assertThat(post("/status/subscribe/confirm", "token=" + token).statusCode()).isEqualTo(200);
    return token;
  }

  private String openIncident() throws Exception {
    return openIncident("{\"name\": \"Checkout is failing\", \"body\": \"We are looking into it.\", \"impact\": \"major\"}");
  }

  private String openIncident(String json) throws Exception {
    HttpResponse<String> created = HTTP.send(
        HttpRequest.newBuilder(URI.create(local("/flask-status/configure/incidents")))
            .header("Authorization", "Bearer " + API_SECRET)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return created.body();
  }

  @Test
  void the_page_links_to_a_subscribe_page_whose_form_subscribes() throws Exception {
    Eventually.await("the page", Duration.ofSeconds(30), () -> {
      shop.runtime().forgetCachedPages();
      return get("/status").statusCode() == 200;
    });
    HttpResponse<String> status = get("/status");
    assertThat(status.body()).as("the page that reloads itself has no form").doesNotContain("<form");
    assertThat(status.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("form-action 'none'").doesNotContain("form-action 'self'");
    Matcher link = Pattern.compile("<p class=\"subscribe-link\"><a href=\"([^\"]+)\">Get incident updates by mail</a>")
        .matcher(status.body());
    assertThat(link.find()).as("the link to the subscribe page in the footer").isTrue();

    HttpResponse<String> subscribePage = get(link.group(1));
    assertThat(subscribePage.statusCode()).isEqualTo(200);
    String page = subscribePage.body();
    assertThat(page).as("the subscribe page never reloads itself").doesNotContain("http-equiv=\"refresh\"")
        .doesNotContain("<script").contains("<a href=\"/status\">");
    assertThat(subscribePage.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("form-action 'self'").doesNotContain("script-src").doesNotContain("unsafe-inline");
    Matcher form = Pattern.compile("<form class=\"subscribe\" method=\"post\" action=\"([^\"]+)\">").matcher(page);
    assertThat(form.find()).as("the subscribe form on its page").isTrue();
    assertThat(page).contains("name=\"email\"");

    HttpResponse<String> answer = HTTP.send(
        HttpRequest.newBuilder(URI.create(local(form.group(1))))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", ownOrigin())
            .header("Sec-Fetch-Site", "same-origin")
            .POST(HttpRequest.BodyPublishers.ofString("email=ana%40example.com")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    Eventually.await("the confirmation mail", Duration.ofSeconds(30), () -> !mailsTo("ana@example.com").isEmpty());
  }

  /** Confirms the subscription whose confirmation mail is the address's first. */
  private void confirmFirstMail(String address) throws Exception {
    Eventually.await("the confirmation mail", Duration.ofSeconds(30), () -> !mailsTo(address).isEmpty());
    String confirm = linkIn(mailsTo(address).get(0));
    String token = confirm.substring(confirm.indexOf("token=") + "token=".length());
    assertThat(post("/status/subscribe/confirm", "token=" + token).statusCode()).isEqualTo(200);
  }

  @Test
  void the_forms_route_picker_keeps_a_subscriber_to_the_routes_ticked() throws Exception {
    Pattern checkbox = Pattern.compile("<input type=\"checkbox\" name=\"route\" value=\"([^\"]+)\"/> ([^<\n]+)");
    Eventually.await("the subscribe page lists both routes", Duration.ofSeconds(30), () -> {
      shop.runtime().forgetCachedPages();
      HttpResponse<String> page = get("/status/subscribe");
      return page.statusCode() == 200 && page.body().contains("value=\"/items/{id}\"") && page.body().contains("value=\"/hello\"");
    });
    HttpResponse<String> page = get("/status/subscribe");
    Matcher form = Pattern.compile("(?s)<form class=\"subscribe\" method=\"post\" action=\"([^\"]+)\">(.*?)</form>")
        .matcher(page.body());
    assertThat(form.find()).isTrue();
    assertThat(form.group(2)).contains("<details class=\"subscribe-routes\">", "<summary>");
    List<String> offered = new ArrayList<>();
    for (Matcher box = checkbox.matcher(form.group(2)); box.find(); ) {
      offered.add(box.group(1) + " " + box.group(2));
    }
    assertThat(offered).containsExactly("/hello Hello, World!", "/items/{id} item");
    assertThat(form.group(2)).doesNotContain("<script").doesNotContain(" style=");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
        .startsWith("default-src 'none'; style-src 'self'; img-src").doesNotContain("unsafe-inline");

    // As a browser sends the form: one box ticked for ana, none for ben.
    assertThat(subscribe("ana@example.com", ownOrigin(), "/items/{id}").statusCode()).isEqualTo(200);
    assertThat(subscribe("ben@example.com", ownOrigin()).statusCode()).isEqualTo(200);
    confirmFirstMail("ana@example.com");
    confirmFirstMail("ben@example.com");
    assertThat(subscribers().confirmed("", 10)).extracting(s -> s.address() + " " + s.routes())
        .containsExactlyInAnyOrder("ana@example.com [/items/{id}]", "ben@example.com []");

    openIncident("{\"name\": \"Hello is failing\", \"body\": \"Hello fails.\","
        + " \"components\": {\"shop-hello\": \"major_outage\"}}");
    openIncident("{\"name\": \"Items are failing\", \"body\": \"Items fail.\","
        + " \"components\": {\"shop-items-id\": \"partial_outage\"}}");

    Eventually.await("ben's two incident mails", Duration.ofSeconds(30), () -> mailsTo("ben@example.com").size() == 3);
    Eventually.await("ana's incident mail", Duration.ofSeconds(30), () -> mailsTo("ana@example.com").size() == 2);
    // Both events were sent (ben has both): ana's list of mails is complete.
    assertThat(mailsTo("ana@example.com")).hasSize(2);
    assertThat(mailsTo("ana@example.com").get(1).getSubject()).isEqualTo("Incident: Items are failing");
    assertThat(mailsTo("ben@example.com")).extracting(MimeMessage::getSubject)
        .containsExactlyInAnyOrder("Confirm your subscription to status updates", "Incident: Hello is failing",
            "Incident: Items are failing");
  }

  @Test
  void the_confirmation_link_shows_a_button_and_only_its_post_subscribes() throws Exception {
    HttpResponse<String> answer = subscribe("Ana@Example.com", ownOrigin());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("a confirmation mail is on its way");
    Eventually.await("the confirmation mail", Duration.ofSeconds(30), () -> !mailsTo("ana@example.com").isEmpty());
    MimeMessage mail = mailsTo("ana@example.com").get(0);
    assertThat(mail.getSubject()).isEqualTo("Confirm your subscription to status updates");
    String confirm = linkIn(mail);
    assertThat(confirm).startsWith("/status/subscribe/confirm?token=");

    HttpResponse<String> button = get(confirm);
    assertThat(button.statusCode()).isEqualTo(200);
    assertThat(button.body()).contains("<form method=\"post\" action=\"/status/subscribe/confirm\"", "<button");
    assertThat(button.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(subscribers().confirmed("", 10)).as("following the link subscribes nobody").isEmpty();

    String token = confirm.substring(confirm.indexOf("token=") + "token=".length());
    HttpResponse<String> confirmed = post("/status/subscribe/confirm", "token=" + token);
    HttpResponse<String> again = post("/status/subscribe/confirm", "token=" + token);

    assertThat(confirmed.statusCode()).isEqualTo(200);
    assertThat(confirmed.body()).contains("You are subscribed");
    assertThat(again.statusCode()).as("the link works once").isEqualTo(400);
    assertThat(subscribers().confirmed("", 10)).extracting(Subscriber::address).containsExactly("ana@example.com");
  }

  @Test
  void an_incident_mail_goes_to_confirmed_subscribers_only_and_one_click_unsubscribes() throws Exception {
    confirmedSubscriber("ana@example.com");
    assertThat(subscribe("ben@example.com", ownOrigin()).statusCode()).isEqualTo(200);
    Eventually.await("ben's confirmation mail", Duration.ofSeconds(30), () -> !mailsTo("ben@example.com").isEmpty());

    openIncident();

    Eventually.await("the incident mail", Duration.ofSeconds(30), () -> mailsTo("ana@example.com").size() == 2);
    MimeMessage incident = mailsTo("ana@example.com").get(1);
    assertThat(incident.getSubject()).isEqualTo("Incident: Checkout is failing");
    assertThat(GreenMailUtil.getBody(incident)).contains("We are looking into it.");
    assertThat(mailsTo("ben@example.com")).as("ben never confirmed").hasSize(1);

    String header = incident.getHeader("List-Unsubscribe")[0];
    assertThat(incident.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
    String unsubscribe = "/status" + header.substring(("<" + PUBLIC_URL).length(), header.length() - 1);
    assertThat(get(unsubscribe).body()).as("a GET only shows a button").contains("<button");
    assertThat(subscribers().confirmed("", 10)).hasSize(1);
    // RFC 8058: the mail provider POSTs from its own server, without Origin.
    HttpResponse<String> oneClick = post(unsubscribe, "List-Unsubscribe=One-Click");

    assertThat(oneClick.statusCode()).isEqualTo(200);
    assertThat(oneClick.body()).contains("You are unsubscribed");
    assertThat(subscribers().confirmed("", 10)).isEmpty();
  }

  @Test
  void the_answers_are_in_the_language_the_browser_prefers_among_the_pages() throws Exception {
    Eventually.await("the page", Duration.ofSeconds(30), () -> {
      shop.runtime().forgetCachedPages();
      return get("/status").statusCode() == 200;
    });
    HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(local("/status")))
        .header("Accept-Language", "es").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.body()).contains("<a href=\"/status/subscribe\">Reciba los avisos de incidentes por correo</a>");
    HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create(local("/status/subscribe")))
        .header("Accept-Language", "es-MX,es;q=0.9").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("lang=\"es\"", "<button type=\"submit\">Suscribirse</button>",
        "placeholder=\"nombre@ejemplo.com\"", "Volver a la página de estado").doesNotContain("Subscribe");
    assertThat(form.headers().allValues("Vary").toString()).contains("Accept-Language");
    assertThat(get("/status/subscribe").body()).contains("lang=\"en\"", "<button type=\"submit\">Subscribe</button>");

    HttpResponse<String> answer = HTTP.send(
        HttpRequest.newBuilder(URI.create(local("/status/subscribe")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", ownOrigin())
            .header("Accept-Language", "es-MX,es;q=0.9")
            .POST(HttpRequest.BodyPublishers.ofString("email=eva%40example.com")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("<html lang=\"es\">", "<h1>Revise su correo</h1>",
        "Volver a la página de estado").doesNotContain("Check your mail");
    assertThat(answer.headers().allValues("Vary").toString()).contains("Accept-Language");

    HttpResponse<String> gone = HTTP.send(HttpRequest.newBuilder(URI.create(local("/status/unsubscribe?token=x")))
        .header("Accept-Language", "es").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(gone.statusCode()).isEqualTo(400);
    assertThat(gone.body()).contains("<html lang=\"es\">", "Este enlace ya no funciona");

    HttpResponse<String> invalid = HTTP.send(
        HttpRequest.newBuilder(URI.create(local("/status/subscribe")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept-Language", "es")
            .POST(HttpRequest.BodyPublishers.ofString("email=not-an-address")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).contains("escriba una dirección como <code>nombre@ejemplo.com</code>.");

    HttpResponse<String> english = subscribe("eva@example.com", ownOrigin());
    assertThat(english.body()).contains("<html lang=\"en\">", "<h1>Check your mail</h1>");
  }

  @Test
  void the_form_answers_the_same_for_unknown_pending_and_subscribed_addresses() throws Exception {
    confirmedSubscriber("ana@example.com");
    assertThat(subscribe("ben@example.com", ownOrigin()).statusCode()).isEqualTo(200);

    HttpResponse<String> subscribed = subscribe("ana@example.com", ownOrigin());
    HttpResponse<String> pending = subscribe("ben@example.com", ownOrigin());
    HttpResponse<String> unknown = subscribe("cid@example.com", ownOrigin());

    for (HttpResponse<String> answer : List.of(subscribed, pending)) {
      assertThat(answer.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo(unknown.body());
      assertThat(answer.headers().map()).containsOnlyKeys(unknown.headers().map().keySet());
    }
  }

  @Test
  void a_client_that_asks_too_often_is_refused_and_mails_nobody() throws Exception {
    for (int i = 0; i < 10; i++) {
      assertThat(subscribe("user" + i + "@example.com", ownOrigin()).statusCode()).isEqualTo(200);
    }
    Eventually.await("ten confirmation mails", Duration.ofSeconds(30), () -> smtp.getReceivedMessages().length == 10);

    HttpResponse<String> eleventh = subscribe("victim@example.com", ownOrigin());

    assertThat(eleventh.statusCode()).isEqualTo(429);
    assertThat(eleventh.headers().firstValue("Retry-After")).contains("3600");
    clock.advance(Duration.ofMinutes(30));
    assertThat(subscribe("victim@example.com", ownOrigin()).statusCode()).isEqualTo(429);
    assertThat(mailsTo("victim@example.com")).isEmpty();
  }

  @Test
  void a_form_sent_from_another_site_is_refused_and_mails_nobody() throws Exception {
    HttpResponse<String> answer = subscribe("victim@example.com", "https://evil.example");
    HttpResponse<String> fetched = HTTP.send(
        HttpRequest.newBuilder(URI.create(local("/status/subscribe")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Sec-Fetch-Site", "cross-site")
            .POST(HttpRequest.BodyPublishers.ofString("email=victim%40example.com")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(fetched.statusCode()).isEqualTo(403);
    assertThat(subscribe("not an address", ownOrigin()).statusCode()).isEqualTo(400);
    // A subscription from this site goes through, so the refusals above were not a broken mailer.
    confirmedSubscriber("ana@example.com");
    assertThat(mailsTo("victim@example.com")).isEmpty();
  }

  @Test
  void the_smtp_password_is_not_in_the_log() throws Exception {
    confirmedSubscriber("ana@example.com");
    openIncident();
    Eventually.await("the incident mail", Duration.ofSeconds(30), () -> mailsTo("ana@example.com").size() == 2);
    shop.close();

    String logged = Files.readString(log);
    assertThat(logged).contains("Traffic Status notifies email → subscribers via 127.0.0.1:");
    assertThat(logged).doesNotContain(SMTP_PASSWORD);
  }
}
