package dev.trafficstatus.views.mustache;

import io.dropwizard.views.common.View;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * One page to render, as a Dropwizard {@link View}: the template's name and the model it reads,
 * so the page is written the way a Dropwizard app writes its own views.
 */
final class TemplatedPage extends View {

  private final String template;

  private final PageScope scope;

  private final Object model;

  /**
   * @param template the template's plain name, such as {@code status-page.mustache}
   * @param scope what every template reads besides its model
   * @param model what the template reads: one of the view records
   */
  TemplatedPage(String template, PageScope scope, Object model) {
    // Absolute, so View does not prefix this class's package: names are looked up by TemplateSource.
    super("/" + Objects.requireNonNull(template, "template"), StandardCharsets.UTF_8);
    this.template = template;
    this.scope = Objects.requireNonNull(scope, "scope");
    this.model = Objects.requireNonNull(model, "model");
  }

  /**
   * What the template reads, innermost last: the page's model first, then the shared scope.
   *
   * @return the scopes, as mustache.java takes them
   */
  List<Object> scopes() {
    return List.of(scope, model);
  }

  /**
   * The template's plain name.
   *
   * @return such as {@code status-page.mustache}
   */
  String template() {
    return template;
  }

}
