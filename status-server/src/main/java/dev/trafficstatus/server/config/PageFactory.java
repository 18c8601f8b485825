package dev.trafficstatus.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trafficstatus.core.status.Grouping;
import dev.trafficstatus.core.status.PageSettings;
import dev.trafficstatus.spi.page.RendererFactory;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code status.page}: where the page is served and what it shows (the seed's {@code url_prefix}
 * and {@code routes=[...]}). With {@code enabled: false} the process only captures, writing into a
 * store that another process renders.
 */
public class PageFactory {

  private boolean enabled = true;

  @NotNull
  @Pattern(
      regexp = "(/[A-Za-z0-9._~-]+)+",
      message = "must be an absolute path such as /status, without a trailing slash")
  private String prefix = "/status";

  @Size(max = 200)
  private String title;

  @Min(1)
  @Max(400)
  private int days = 90;

  @Min(1)
  @Max(400)
  private int maxDays = 365;

  private ZoneId timeZone = ZoneId.of("UTC");

  @NotNull
  @MinDuration(value = 5, unit = TimeUnit.SECONDS)
  private Duration refresh = Duration.minutes(1);

  @NotNull
  @MinDuration(value = 5, unit = TimeUnit.SECONDS)
  @MaxDuration(value = 1, unit = TimeUnit.DAYS)
  private Duration historyRefresh = Duration.minutes(10);

  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MINUTES)
  @MaxDuration(value = 1, unit = TimeUnit.DAYS)
  private Duration currentWindow = Duration.minutes(15);

  @NotNull private List<String> routes = List.of();

  @NotNull private Grouping groupBy = Grouping.GROUP;

  @Valid private RendererFactory renderer;

  @JsonProperty
  public boolean isEnabled() {
    return enabled;
  }

  @JsonProperty
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  @JsonProperty
  public String getPrefix() {
    return prefix;
  }

  @JsonProperty
  public void setPrefix(String prefix) {
    this.prefix = prefix;
  }

  @JsonProperty
  public String getTitle() {
    return title;
  }

  @JsonProperty
  public void setTitle(String title) {
    this.title = title;
  }

  @JsonProperty
  public int getDays() {
    return days;
  }

  @JsonProperty
  public void setDays(int days) {
    this.days = days;
  }

  @JsonProperty
  public int getMaxDays() {
    return maxDays;
  }

  @JsonProperty
  public void setMaxDays(int maxDays) {
    this.maxDays = maxDays;
  }

  @JsonProperty
  public String getTimeZone() {
    return timeZone.getId();
  }

  /** Parsed here, so an unknown zone fails configuration parsing with its path. */
  @JsonProperty
  public void setTimeZone(String timeZone) {
    this.timeZone = ZoneId.of(timeZone);
  }

  @JsonProperty
  public Duration getRefresh() {
    return refresh;
  }

  @JsonProperty
  public void setRefresh(Duration refresh) {
    this.refresh = refresh;
  }

  @JsonProperty
  public Duration getHistoryRefresh() {
    return historyRefresh;
  }

  @JsonProperty
  public void setHistoryRefresh(Duration historyRefresh) {
    this.historyRefresh = historyRefresh;
  }

  @JsonProperty
  public Duration getCurrentWindow() {
    return currentWindow;
  }

  @JsonProperty
  public void setCurrentWindow(Duration currentWindow) {
    this.currentWindow = currentWindow;
  }

  @JsonProperty
  public List<String> getRoutes() {
    return routes;
  }

  @JsonProperty
  public void setRoutes(List<String> routes) {
    this.routes = routes;
  }

  @JsonProperty
  public Grouping getGroupBy() {
    return groupBy;
  }

  @JsonProperty
  public void setGroupBy(Grouping groupBy) {
    this.groupBy = groupBy;
  }

  @JsonProperty
  public RendererFactory getRenderer() {
    return renderer;
  }

  @JsonProperty
  public void setRenderer(RendererFactory renderer) {
    this.renderer = renderer;
  }

  @ValidationMethod(message = "historyRefresh must not be shorter than refresh")
  public boolean isHistoryRefreshAtLeastRefresh() {
    return historyRefresh == null
        || refresh == null
        || historyRefresh.toJavaDuration().compareTo(refresh.toJavaDuration()) >= 0;
  }

  @ValidationMethod(message = "days must not exceed maxDays")
  public boolean isDefaultWindowWithinMax() {
    return days <= maxDays;
  }

  /**
   * The core's page settings.
   *
   * @param defaultTitle the title when none is configured (the service name)
   * @return the settings
   */
  public PageSettings build(String defaultTitle) {
    return new PageSettings(
        title == null || title.isBlank() ? defaultTitle : title,
        days,
        maxDays,
        timeZone,
        refresh.toJavaDuration(),
        historyRefresh.toJavaDuration(),
        currentWindow.toJavaDuration(),
        routes,
        groupBy);
  }
}
