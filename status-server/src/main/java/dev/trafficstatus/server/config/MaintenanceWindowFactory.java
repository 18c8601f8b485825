package dev.trafficstatus.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trafficstatus.core.evaluate.RecurringWindow;
import dev.trafficstatus.core.evaluate.WindowRule;
import dev.trafficstatus.spi.RouteKey;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of {@code status.maintenance.windows}: a recurring window the evaluator announces a
 * week ahead and moves at its edges. Judged by {@link RecurringWindow} and {@link WindowRule}
 * when the enclosing block is checked.
 */
public class MaintenanceWindowFactory {

  @NotNull private String name;

  @NotNull private String rule;

  @NotNull private List<String> routes = new ArrayList<>();

  @NotNull private String body = "";

  /** The maintenance's title on the page. */
  @JsonProperty
  public String getName() {
    return name;
  }

  @JsonProperty
  public void setName(String name) {
    this.name = name;
  }

  /** When it runs, in UTC, such as {@code SUN 02:00-03:00}. */
  @JsonProperty
  public String getRule() {
    return rule;
  }

  @JsonProperty
  public void setRule(String rule) {
    this.rule = rule;
  }

  /** The rules of this service's routes it affects; empty for every route. */
  @JsonProperty
  public List<String> getRoutes() {
    return routes;
  }

  @JsonProperty
  public void setRoutes(List<String> routes) {
    this.routes = routes;
  }

  /** What people are told with each run; a default naming the rule when empty. */
  @JsonProperty
  public String getBody() {
    return body;
  }

  @JsonProperty
  public void setBody(String body) {
    this.body = body;
  }

  /**
   * The window.
   *
   * @param service the service whose routes it names
   * @return the window
   * @throws IllegalArgumentException saying what is wrong with it
   */
  RecurringWindow build(String service) {
    List<RouteKey> keys = new ArrayList<>();
    for (String route : routes) {
      keys.add(new RouteKey(service, route));
    }
    return new RecurringWindow(name, keys, WindowRule.parse(rule), body);
  }
}
