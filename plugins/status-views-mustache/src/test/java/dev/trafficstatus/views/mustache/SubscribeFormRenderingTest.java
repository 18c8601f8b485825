package dev.trafficstatus.views.mustache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.page.PageLinks;
import dev.trafficstatus.spi.page.PageRenderer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The subscribe form: shown, posting an email field to the host, only when the host takes subscribers. */
class SubscribeFormRenderingTest {

  private final PageRenderer renderer = PageFixtures.renderer();

  private String render(PageLinks links) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    renderer.render(PageFixtures.seeded(), links, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void a_host_that_takes_subscribers_gets_a_form_without_script() throws Exception {
    PageFixtures.Html page = PageFixtures.parse(render(new PageLinks("/status", "/status/assets/", true)));

    Element form = page.one("//form[contains(@class, 'subscribe')]");
    assertThat(form.getAttribute("method")).isEqualTo("post");
    assertThat(form.getAttribute("action")).isEqualTo("/status/subscribe");
    Element email = page.one(form, ".//input[@name='email']");
    assertThat(email.getAttribute("type")).isEqualTo("email");
    assertThat(page.all(form, ".//button[@type='submit']")).hasSize(1);
  }

  @Test
  void the_form_offers_every_route_on_the_page_as_a_checkbox_none_ticked() throws Exception {
    PageFixtures.Html page = PageFixtures.parse(render(new PageLinks("/status", "/status/assets/", true)));

    Element form = page.one("//form[contains(@class, 'subscribe')]");
    Element picker = page.one(form, ".//details[contains(@class, 'subscribe-routes')]");
    assertThat(page.all(picker, "./summary")).hasSize(1);
    List<Element> boxes = page.all(picker, ".//label/input[@type='checkbox' and @name='route']");
    assertThat(boxes).extracting(box -> box.getAttribute("value") + " " + box.getParentNode().getTextContent().strip())
        .containsExactly("/orders/{id} Orders", "/payments Payments", "https://example.com/health Example probe");
    assertThat(boxes).noneMatch(box -> box.hasAttribute("checked"));
    assertThat(page.all(form, ".//*[@style or @onclick or @onchange]")).isEmpty();
    assertThat(page.all(form, ".//script")).isEmpty();
  }

  @Test
  void a_page_without_routes_offers_no_route_picker() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    renderer.render(PageFixtures.page("Empty", dev.trafficstatus.spi.Health.NO_DATA, "No data",
        java.time.ZoneId.of("UTC"), 90, List.of()), new PageLinks("/status", "/status/assets/", true), out);
    PageFixtures.Html page = PageFixtures.parse(out.toString(StandardCharsets.UTF_8));

    assertThat(page.all("//form[contains(@class, 'subscribe')]")).hasSize(1);
    assertThat(page.all("//details")).isEmpty();
  }

  @Test
  void a_host_that_takes_none_shows_no_form() throws Exception {
    PageFixtures.Html page = PageFixtures.parse(render(new PageLinks("/status", "/status/assets/")));

    assertThat(page.all("//form")).isEmpty();
  }
}
