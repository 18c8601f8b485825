package dev.trafficstatus.views.mustache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.page.PageLinks;
import dev.trafficstatus.spi.page.PageRenderer;
import dev.trafficstatus.spi.page.StatusPage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The subscribe form lives on a page of its own, which does not reload itself: the status page
 * reloads every minute and would lose what a visitor types. The status page's footer links there,
 * only when the host takes subscribers.
 */
class SubscribeFormRenderingTest {

  private static final PageLinks SUBSCRIBABLE = new PageLinks("/status", "/status/assets/", true);

  private final PageRenderer renderer = PageFixtures.renderer();

  private String render(PageLinks links) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    renderer.render(PageFixtures.seeded(), links, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private String subscribePage(StatusPage page) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    renderer.renderSubscribe(page, SUBSCRIBABLE, Locale.ENGLISH, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void the_status_page_of_a_host_that_takes_subscribers_links_to_the_subscribe_page_and_has_no_form()
      throws Exception {
    PageFixtures.Html page = PageFixtures.parse(render(SUBSCRIBABLE));

    assertThat(page.all("//form")).isEmpty();
    Element link = page.one("//footer//p[@class='subscribe-link']/a");
    assertThat(link.getAttribute("href")).isEqualTo("/status/subscribe");
    assertThat(PageFixtures.Html.text(link)).isEqualTo("Get incident updates by mail");
  }

  @Test
  void the_subscribe_page_has_the_form_without_script_and_does_not_reload_itself() throws Exception {
    PageFixtures.Html page = PageFixtures.parse(subscribePage(PageFixtures.seeded()));

    assertThat(page.all("//meta[@http-equiv]")).as("no meta refresh").isEmpty();
    assertThat(page.all("//script")).isEmpty();
    assertThat(page.one("//html").getAttribute("lang")).isEqualTo("en");
    Element form = page.one("//form[contains(@class, 'subscribe')]");
    assertThat(form.getAttribute("method")).isEqualTo("post");
    assertThat(form.getAttribute("action")).isEqualTo("/status/subscribe");
    Element email = page.one(form, ".//input[@name='email']");
    assertThat(email.getAttribute("type")).isEqualTo("email");
    assertThat(page.all(form, ".//button[@type='submit']")).hasSize(1);
    assertThat(page.all("//a[@href='/status']")).as("links back to the status page").isNotEmpty();
    assertThat(PageFixtures.Html.text(page.one("//h1"))).isEqualTo("Subscribe to incident updates");
  }

  @Test
  void the_subscribe_pages_form_offers_every_route_on_the_page_as_a_checkbox_none_ticked() throws Exception {
    PageFixtures.Html page = PageFixtures.parse(subscribePage(PageFixtures.seeded()));

    Element form = page.one("//form[contains(@class, 'subscribe')]");
    Element picker = page.one(form, ".//details[contains(@class, 'subscribe-routes')]");
    assertThat(page.all(picker, "./summary")).hasSize(1);
    List<Element> boxes = page.all(picker, ".//label/input[@type='checkbox' and @name='route']");
    assertThat(boxes).extracting(box -> box.getAttribute("value") + " " + box.getParentNode().getTextContent().strip())
        .containsExactly("/orders/{id} Orders", "/payments Payments", "https://example.com/health Example probe");
    assertThat(boxes).noneMatch(box -> box.hasAttribute("checked"));
    assertThat(page.all(form, ".//*[@style or @onclick or @onchange]")).isEmpty();
  }

  @Test
  void a_page_without_routes_offers_no_route_picker() throws Exception {
    PageFixtures.Html page = PageFixtures.parse(subscribePage(PageFixtures.page("Empty",
        dev.trafficstatus.spi.Health.NO_DATA, "No data", java.time.ZoneId.of("UTC"), 90, List.of())));

    assertThat(page.all("//form[contains(@class, 'subscribe')]")).hasSize(1);
    assertThat(page.all("//details")).isEmpty();
  }

  @Test
  void a_host_that_takes_none_shows_no_form_and_no_link() throws Exception {
    String html = render(new PageLinks("/status", "/status/assets/"));
    PageFixtures.Html page = PageFixtures.parse(html);

    assertThat(page.all("//form")).isEmpty();
    assertThat(page.all("//*[@class='subscribe-link']")).isEmpty();
    assertThat(html).doesNotContain("/status/subscribe");
  }
}
