package dev.trafficstatus.views.mustache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.page.PageLinks;
import dev.trafficstatus.spi.page.PageRenderer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
  void a_host_that_takes_none_shows_no_form() throws Exception {
    PageFixtures.Html page = PageFixtures.parse(render(new PageLinks("/status", "/status/assets/")));

    assertThat(page.all("//form")).isEmpty();
  }
}
