package dev.trafficstatus.views.mustache;

import io.dropwizard.views.common.View;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One page to render, as a Dropwizard {@link View}: the template's name and the model it reads,
 * so the page is written the way a Dropwizard app writes its own views.
 */
final class TemplatedPage extends View {

  private final String template;

  private final Object model;

  /**
   * @param template the template's plain name, such as {@code status-page.mustache}
   * @param model what the template reads: one of the view records
   */
  TemplatedPage(String template, Object model) {
    // Absolute, so View does not prefix this class's package: names are looked up by TemplateSource.
    super("/" + Objects.requireNonNull(template, "template"), StandardCharsets.UTF_8);
    this.template = template;
    this.model = Objects.requireNonNull(model, "model");
  }

  /**
   * The template's plain name.
   *
   * @return such as {@code status-page.mustache}
   */
  String template() {
    return template;
  }

  /**
   * What the template reads.
   *
   * @return the model
   */
  Object model() {
    return model;
  }
}
