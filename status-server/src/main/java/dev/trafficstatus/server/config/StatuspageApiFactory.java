package dev.trafficstatus.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * {@code status.statuspageApi}: the read-only, public Statuspage-compatible API (v2). Its clients
 * build its address from the host alone ({@code https://<host>/api/v2/summary.json}), so it is at
 * {@code /api/v2} of the application's root by default, not under the page's prefix; an app that
 * serves {@code /api} itself moves it or turns it off (start-up fails naming both otherwise). It
 * needs the page: a process that only captures serves none.
 */
public class StatuspageApiFactory {

  private boolean enabled = true;

  @NotNull
  @Pattern(
      regexp = "(/[A-Za-z0-9._~-]+)+",
      message = "must be an absolute path such as /api/v2, without a trailing slash")
  private String path = "/api/v2";

  /** Whether the API is served; when false its paths answer 404 like any unknown path. */
  @JsonProperty
  public boolean isEnabled() {
    return enabled;
  }

  @JsonProperty
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** Where the API is served: {@code summary.json} and the others lie under it. */
  @JsonProperty
  public String getPath() {
    return path;
  }

  @JsonProperty
  public void setPath(String path) {
    this.path = path;
  }
}
