package dev.trafficstatus.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trafficstatus.core.status.Grouping;
import dev.trafficstatus.core.status.PageSettings;
import dev.trafficstatus.spi.page.PageBrand;
import dev.trafficstatus.spi.page.RendererFactory;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * {@code status.page}: where the page is served and what it shows (FlaskStatus's {@code
 * url_prefix} and {@code routes=[...]}). With {@code enabled: false} the process only captures,
 * writing into a store that another process renders. Defaults and bounds are {@link
 * PageSettings}'s; the prefix, a path of this server, is checked here.
 */
@ValidSettings
public class PageFactory implements SettingsBlock {

  private static final PageSettings DEFAULTS = PageSettings.defaults("");

  private boolean enabled = true;

  @NotNull
  @Pattern(
      regexp = "(/[A-Za-z0-9._~-]+)+",
      message = "must be an absolute path such as /status, without a trailing slash")
  private String prefix = "/status";

  private String title;

  @Pattern(
      regexp = "https?://[^/?#\\s]+(/[^?#\\s]*[^/?#\\s])?",
      message = "must be an absolute http or https URL without a query, a fragment or a trailing"
          + " slash, such as https://status.example.com/status")
  private String publicUrl;

  private int days = DEFAULTS.defaultDays();

  private int maxDays = DEFAULTS.maxDays();

  private ZoneId timeZone = DEFAULTS.zone();

  @NotNull private Duration refresh = ConfigDurations.of(DEFAULTS.refresh());

  @NotNull private Duration historyRefresh = ConfigDurations.of(DEFAULTS.historyRefresh());

  @NotNull private Duration currentWindow = ConfigDurations.of(DEFAULTS.currentWindow());

  @NotNull private List<String> routes = DEFAULTS.rules();

  @NotNull private Grouping groupBy = DEFAULTS.grouping();

  @NotNull private List<String> services = DEFAULTS.services();

  private boolean showProtectedRoutes = DEFAULTS.showProtectedRoutes();

  /** In MiB, as the default is a whole number of them. */
  @NotNull private DataSize renderCache = DataSize.mebibytes(DEFAULTS.renderCacheBytes() / (1024 * 1024));

  private int otherWindowRenders = DEFAULTS.otherWindowRenders();

  private boolean showVersions = DEFAULTS.showVersions();

  @Valid private RendererFactory renderer;

  @NotNull private PageBrand brand = PageBrand.NONE;

  @NotNull
  @Pattern(regexp = "[a-z]{2,3}", message = "must be a language code such as en or es")
  private String locale = "en";

  @NotNull private List<@NotNull @Pattern(regexp = "[a-z]{2,3}",
      message = "must be language codes such as en or es") String> locales = List.of();

  /**
   * The owner's logo, accent colour, favicon, header links and footer ({@link PageBrand}), checked
   * when the configuration is read; the renderer checks the colours' contrast when it is built.
   */
  @JsonProperty
  public PageBrand getBrand() {
    return brand;
  }

  @JsonProperty
  public void setBrand(PageBrand brand) {
    this.brand = brand == null ? PageBrand.NONE : brand;
  }

  /** The page's one language, when {@code locales} is empty: {@code en} or {@code es}. */
  @JsonProperty
  public String getLocale() {
    return locale;
  }

  @JsonProperty
  public void setLocale(String locale) {
    this.locale = locale;
  }

  /**
   * The languages browsers choose among by {@code Accept-Language}, the first for browsers that
   * name none of them; empty: {@code locale} alone.
   */
  @JsonProperty
  public List<String> getLocales() {
    return locales;
  }

  @JsonProperty
  public void setLocales(List<String> locales) {
    this.locales = locales;
  }

  /**
   * The page's languages, the default first.
   *
   * @return {@code locales}, or {@code locale} alone when it is empty
   */
  public List<Locale> languages() {
    List<String> codes = locales.isEmpty() ? List.of(locale) : locales;
    return codes.stream().distinct().map(Locale::forLanguageTag).toList();
  }

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

  /**
   * The page's absolute URL as people reach it (through proxies, on its public host), such as
   * {@code https://status.example.com/status}: the Statuspage API's {@code page.url} and incident
   * links, and the links in notifications. Left out, the API takes it from each request and
   * notifications carry none.
   */
  @JsonProperty
  public String getPublicUrl() {
    return publicUrl;
  }

  @JsonProperty
  public void setPublicUrl(String publicUrl) {
    this.publicUrl = publicUrl;
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
  public List<String> getServices() {
    return services;
  }

  @JsonProperty
  public void setServices(List<String> services) {
    this.services = services;
  }

  @JsonProperty
  public boolean isShowProtectedRoutes() {
    return showProtectedRoutes;
  }

  @JsonProperty
  public void setShowProtectedRoutes(boolean showProtectedRoutes) {
    this.showProtectedRoutes = showProtectedRoutes;
  }

  @JsonProperty
  public DataSize getRenderCache() {
    return renderCache;
  }

  @JsonProperty
  public void setRenderCache(DataSize renderCache) {
    this.renderCache = renderCache;
  }

  @JsonProperty
  public int getOtherWindowRenders() {
    return otherWindowRenders;
  }

  @JsonProperty
  public void setOtherWindowRenders(int otherWindowRenders) {
    this.otherWindowRenders = otherWindowRenders;
  }

  /** Whether deploy markers name the version deployed; false keeps versions off the public page. */
  @JsonProperty
  public boolean isShowVersions() {
    return showVersions;
  }

  @JsonProperty
  public void setShowVersions(boolean showVersions) {
    this.showVersions = showVersions;
  }

  @JsonProperty
  public RendererFactory getRenderer() {
    return renderer;
  }

  @JsonProperty
  public void setRenderer(RendererFactory renderer) {
    this.renderer = renderer;
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
        groupBy,
        services,
        showProtectedRoutes,
        renderCache.toBytes(),
        otherWindowRenders,
        showVersions);
  }

  @Override
  public void check() {
    build("service");
  }
}
