package dev.trafficstatus.notify.webhook;

import static dev.trafficstatus.notify.webhook.TestNotifications.CHECKOUT;
import static dev.trafficstatus.notify.webhook.TestNotifications.SEARCH;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficstatus.spi.Health;
import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notice.NoticeStatus;
import dev.trafficstatus.spi.notify.Notification;
import dev.trafficstatus.spi.notify.SendResult;
import dev.trafficstatus.spi.store.EventType;
import dev.trafficstatus.testkit.MutableClock;
import dev.trafficstatus.testkit.TestNotifierContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Slack and Discord messages as their incoming webhooks document them, posted to a real local
 * receiver and read back: Slack's {@code text} and an attachment with {@code color} and {@code
 * blocks} (section and context blocks of mrkdwn text, at most 3,000 characters each); Discord's
 * {@code embeds} (title up to 256, description up to 4,096, fields of name and value up to 1,024,
 * {@code color} an integer, an ISO-8601 {@code timestamp}, 6,000 characters in all) with no
 * mentions allowed. Colours follow the impact; every message links to the notice's page; what
 * people wrote cannot link, mention or break out.
 */
class ChatMessagesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LINK = TestNotifications.PAGE + "/incidents/inc000000001";
  private static final String HOSTILE =
      "<!channel> @everyone <script>alert(1)</script> <https://evil.example|click> & \"quotes\" \u202Eevil";

  private final LocalReceiver receiver = new LocalReceiver();

  ChatMessagesTest() throws Exception {}

  @AfterEach
  void close() {
    receiver.close();
  }

  /** Sends through the real notifier and returns the body the receiver got, parsed. */
  private JsonNode post(HookNotifierFactory factory, Notification notification) throws Exception {
    factory.setUrl(receiver.url("/hook/" + factory.name()));
    SendResult result =
        factory.build(new TestNotifierContext(Duration.ofSeconds(10), MutableClock.at("2026-03-01T12:00:00Z")))
            .send(notification);
    assertThat(result.outcome()).isEqualTo(SendResult.Outcome.DELIVERED);
    List<LocalReceiver.Received> received = receiver.received();
    return JSON.readTree(received.get(received.size() - 1).body());
  }

  private JsonNode slack(Notification notification) throws Exception {
    return post(new SlackNotifierFactory(), notification);
  }

  private JsonNode discord(Notification notification) throws Exception {
    return post(new DiscordNotifierFactory(), notification);
  }

  @Test
  void slackGetsTextAndAColouredAttachmentOfBlocks() throws Exception {
    JsonNode message =
        slack(TestNotifications.opened("Checkout is failing", Impact.MAJOR, "38 % of requests fail.", CHECKOUT, SEARCH));

    assertThat(fieldNames(message)).containsExactlyInAnyOrder("text", "attachments");
    assertThat(message.get("text").asText()).isEqualTo("Incident opened: Checkout is failing");
    JsonNode attachment = message.get("attachments").get(0);
    assertThat(message.get("attachments")).hasSize(1);
    assertThat(attachment.get("color").asText()).isEqualTo("#e67e22").matches("#[0-9a-f]{6}");
    List<JsonNode> blocks = list(attachment.get("blocks"));
    assertThat(blocks).extracting(b -> b.get("type").asText()).containsExactly("section", "section", "context");
    for (JsonNode block : blocks.subList(0, 2)) {
      assertThat(block.get("text").get("type").asText()).isEqualTo("mrkdwn");
      assertThat(block.get("text").get("text").asText().length()).isBetween(1, 3000);
    }
    assertThat(blocks.get(0).get("text").get("text").asText())
        .isEqualTo("*<" + LINK + "|Incident opened: Checkout is failing>*\nInvestigating · Major impact");
    assertThat(blocks.get(1).get("text").get("text").asText()).isEqualTo("38 % of requests fail.");
    assertThat(blocks.get(2).get("elements").get(0).get("type").asText()).isEqualTo("mrkdwn");
    assertThat(blocks.get(2).get("elements").get(0).get("text").asText()).isEqualTo("Affected: /checkout, /search");
  }

  @Test
  void discordGetsOneEmbedWithTitleLinkColourTimeAndFields() throws Exception {
    JsonNode message =
        discord(TestNotifications.opened("Checkout is failing", Impact.CRITICAL, "All requests fail.", CHECKOUT));

    assertThat(fieldNames(message)).containsExactlyInAnyOrder("allowed_mentions", "embeds");
    assertThat(message.get("allowed_mentions").get("parse")).isEmpty();
    assertThat(message.get("embeds")).hasSize(1);
    JsonNode embed = message.get("embeds").get(0);
    assertThat(fieldNames(embed)).containsExactlyInAnyOrder("title", "url", "description", "color", "timestamp", "fields");
    assertThat(embed.get("title").asText()).isEqualTo("Incident opened: Checkout is failing");
    assertThat(embed.get("url").asText()).isEqualTo(LINK);
    assertThat(embed.get("description").asText()).isEqualTo("All requests fail.");
    assertThat(embed.get("color").isInt()).isTrue();
    assertThat(embed.get("color").asInt()).isEqualTo(0xE74C3C);
    assertThat(embed.get("timestamp").asText()).isEqualTo("2026-03-01T12:00:00Z");
    assertThat(list(embed.get("fields")))
        .extracting(f -> f.get("name").asText() + "=" + f.get("value").asText() + (f.get("inline").asBoolean() ? " (inline)" : ""))
        .containsExactly("Status=Investigating (inline)", "Impact=Critical (inline)", "Affected=/checkout");
  }

  @Test
  void theColourFollowsTheImpactAndTurnsGreenWhenItIsOver() throws Exception {
    List<String> slackColours = new ArrayList<>();
    List<Integer> discordColours = new ArrayList<>();
    List<Notification> notifications =
        List.of(
            TestNotifications.opened("Slow", Impact.NONE, "Slow.", CHECKOUT),
            TestNotifications.opened("Slow", Impact.MINOR, "Slow.", CHECKOUT),
            TestNotifications.opened("Failing", Impact.MAJOR, "Failing.", CHECKOUT),
            TestNotifications.opened("Down", Impact.CRITICAL, "Down.", CHECKOUT),
            TestNotifications.maintenance(),
            TestNotifications.incident(
                EventType.INCIDENT_RESOLVED, "Down", Impact.CRITICAL, NoticeStatus.RESOLVED, "Back.", CHECKOUT));
    for (Notification notification : notifications) {
      slackColours.add(slack(notification).get("attachments").get(0).get("color").asText());
      discordColours.add(discord(notification).get("embeds").get(0).get("color").asInt());
    }

    assertThat(slackColours).containsExactly("#95a5a6", "#f1c40f", "#e67e22", "#e74c3c", "#3498db", "#2ecc71");
    assertThat(discordColours).containsExactly(0x95A5A6, 0xF1C40F, 0xE67E22, 0xE74C3C, 0x3498DB, 0x2ECC71);
  }

  @Test
  void whatPeopleWroteCanNeitherLinkNorMentionNorBreakOut() throws Exception {
    Notification hostile = TestNotifications.opened(HOSTILE, Impact.MAJOR, HOSTILE + "\n" + HOSTILE, CHECKOUT);

    JsonNode slack = slack(hostile);
    String slackText = slack.toString();
    assertThat(slackText).doesNotContain("<!channel>").doesNotContain("<script").doesNotContain("<https://evil");
    assertThat(slack.get("attachments").get(0).get("blocks").get(1).get("text").get("text").asText())
        .startsWith("&lt;!channel&gt; @everyone &lt;script&gt;alert(1)&lt;/script&gt; &lt;https://evil.example|click&gt; &amp; \"quotes\"");
    JsonNode discord = discord(hostile);
    assertThat(discord.get("allowed_mentions").get("parse")).isEmpty();
    assertThat(discord.get("embeds").get(0).get("title").asText()).isEqualTo("Incident opened: " + HOSTILE);
  }

  @Test
  void longBodiesAreCutToEachServicesLimits() throws Exception {
    String longName = "N".repeat(200);
    String longBody = "😀".repeat(10_000);
    Notification big = TestNotifications.opened(longName, Impact.MAJOR, longBody, CHECKOUT);

    JsonNode slack = slack(big);
    for (JsonNode block : slack.get("attachments").get(0).get("blocks")) {
      JsonNode text = block.has("text") ? block.get("text") : block.get("elements").get(0);
      assertThat(text.get("text").asText()).hasSizeLessThanOrEqualTo(3000);
    }
    JsonNode embed = discord(big).get("embeds").get(0);
    String description = embed.get("description").asText();
    assertThat(description).hasSizeLessThanOrEqualTo(4096);
    assertThat(description).endsWith("…");
    assertThat(embed.get("title").asText().length()).isLessThanOrEqualTo(256);
    int total = embed.get("title").asText().length() + description.length();
    for (JsonNode field : embed.get("fields")) {
      assertThat(field.get("value").asText()).isNotEmpty().hasSizeLessThanOrEqualTo(1024);
      total += field.get("name").asText().length() + field.get("value").asText().length();
    }
    assertThat(total).as("Discord's limit for an embed").isLessThanOrEqualTo(6000);
  }

  @Test
  void aMaintenanceSaysItsStatusInWords() throws Exception {
    JsonNode embed = discord(TestNotifications.maintenance()).get("embeds").get(0);

    assertThat(embed.get("title").asText()).isEqualTo("Maintenance scheduled: Database upgrade");
    assertThat(list(embed.get("fields"))).extracting(f -> f.get("value").asText())
        .containsExactly("Scheduled", "Maintenance", "/checkout");
  }

  @Test
  void aRouteStateChangeNamesTheRouteItsNewStateAndTakesItsColour() throws Exception {
    Notification down = TestNotifications.routeChanged(CHECKOUT, "Checkout", Health.OPERATIONAL, Health.MAJOR_OUTAGE);
    Notification back = TestNotifications.routeChanged(CHECKOUT, "Checkout", Health.MAJOR_OUTAGE, Health.OPERATIONAL);

    JsonNode slack = slack(down);
    assertThat(slack.get("text").asText()).isEqualTo("Route state changed: Checkout");
    JsonNode attachment = slack.get("attachments").get(0);
    assertThat(attachment.get("color").asText()).isEqualTo("#e74c3c");
    assertThat(list(attachment.get("blocks"))).extracting(b -> b.toString())
        .satisfiesExactly(
            heading -> assertThat(heading).contains("*Route state changed: Checkout*\\nMajor outage"),
            body -> assertThat(body).contains("Checkout (/checkout) went from Operational to major outage."),
            routes -> assertThat(routes).contains("Affected: /checkout"));
    JsonNode embed = discord(down).get("embeds").get(0);
    assertThat(embed.get("title").asText()).isEqualTo("Route state changed: Checkout");
    assertThat(embed.get("description").asText()).isEqualTo("Checkout (/checkout) went from Operational to major outage.");
    assertThat(embed.get("color").asInt()).isEqualTo(0xE74C3C);
    assertThat(list(embed.get("fields"))).extracting(f -> f.get("name").asText() + "=" + f.get("value").asText())
        .containsExactly("Status=Major outage", "Affected=/checkout");
    assertThat(slack(back).get("attachments").get(0).get("color").asText()).isEqualTo("#2ecc71");
    assertThat(discord(back).get("embeds").get(0).get("description").asText())
        .isEqualTo("Checkout (/checkout) went from Major outage to operational.");
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new java.util.TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items;
  }
}
