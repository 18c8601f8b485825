package dev.trafficstatus.notify.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trafficstatus.spi.notify.Notifier;
import dev.trafficstatus.spi.notify.NotifierContext;
import dev.trafficstatus.spi.notify.NotifierFactory;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Objects;

/**
 * What every HTTP notifier is configured with: an optional {@code name} (the receiver is {@code
 * <type>:<name>}, or just the type), the {@code url}, and the {@code events} and {@code routes}
 * filters. Setters refuse what cannot work with a message that never repeats the URL, which may
 * carry a secret.
 */
public abstract sealed class HookNotifierFactory implements NotifierFactory
    permits WebhookNotifierFactory, SlackNotifierFactory, DiscordNotifierFactory {

  @Pattern(
      regexp = "[a-z0-9][a-z0-9._-]{0,39}",
      message = "must be 1 to 40 lower-case letters, digits, dots, dashes or underscores")
  private String name;

  @NotNull private String url;

  private List<String> events;

  private List<String> routes;

  /**
   * The name that tells this receiver from others of its type.
   *
   * @return the name, or null when the type alone names it
   */
  @JsonProperty
  public String getName() {
    return name;
  }

  @JsonProperty
  public void setName(String name) {
    this.name = name;
  }

  /**
   * Sets the URL to post to, checked at once.
   *
   * @param url an absolute https URL, or http to this machine
   * @throws IllegalArgumentException when it is not such a URL; the message does not repeat it
   */
  @JsonProperty(value = "url", access = JsonProperty.Access.WRITE_ONLY)
  public void setUrl(String url) {
    String problem = HookUrl.problem(url);
    if (problem != null) {
      String hint = unreplaced(url);
      throw new IllegalArgumentException("url " + (hint.isEmpty() ? problem : hint.strip()));
    }
    this.url = url;
  }

  /**
   * The URL, for subclasses and tests only: it may carry a secret.
   *
   * @return the URL as configured
   */
  protected String url() {
    return url;
  }

  /**
   * The event types this receiver takes.
   *
   * @return names such as {@code incident.opened}, or null for all
   */
  @JsonProperty
  public List<String> getEvents() {
    return events;
  }

  /**
   * Sets the event types, checked at once.
   *
   * @param events names such as {@code incident.opened}; null or empty for all
   * @throws IllegalArgumentException naming the unknown ones and the known ones
   */
  @JsonProperty
  public void setEvents(List<String> events) {
    String problem = EventFilter.problem(events);
    if (problem != null) {
      throw new IllegalArgumentException("events " + problem);
    }
    this.events = events;
  }

  /**
   * The routes this receiver hears about.
   *
   * @return rules such as {@code /checkout}, or null for all
   */
  @JsonProperty
  public List<String> getRoutes() {
    return routes;
  }

  @JsonProperty
  public void setRoutes(List<String> routes) {
    this.routes = routes;
  }

  /**
   * The receiver's name: {@code <type>:<name>}, or the type alone.
   *
   * @return the name
   */
  public String receiver() {
    return name == null ? name() : name() + ":" + name;
  }

  /**
   * A hint for a value that still holds {@code ${…}}: the environment variable was not set.
   *
   * @param value the configured value
   * @return the hint, or empty
   */
  static String unreplaced(String value) {
    return value != null && value.contains("${")
        ? " still holds ${…}: is the environment variable set?"
        : "";
  }

  /**
   * What this kind of notifier posts.
   *
   * @param context the host's context
   * @return the message format
   */
  abstract HookMessage message(NotifierContext context);

  /**
   * Texts never to repeat in errors besides the URL's path and query.
   *
   * @return the secrets, possibly none
   */
  List<String> secrets() {
    return List.of();
  }

  @Override
  public final Notifier build(NotifierContext context) {
    Objects.requireNonNull(context, "context");
    if (url == null) {
      throw new IllegalArgumentException(receiver() + ": url is required");
    }
    return new HookNotifier(
        receiver(),
        HookUrl.parse(url),
        EventFilter.of(events, routes),
        message(context),
        context.timeout(),
        context.clock(),
        secrets());
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + receiver() + "]";
  }
}
