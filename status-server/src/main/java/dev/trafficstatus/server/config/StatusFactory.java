package dev.trafficstatus.server.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trafficstatus.spi.capture.CaptureFactory;
import dev.trafficstatus.spi.store.StoreFactory;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * The {@code status:} block: everything Traffic Status reads from configuration. The standalone
 * server reads it at the top level of its {@code config.yml}; an app embedding the bundle returns
 * the same block from its own configuration class.
 *
 * <p>{@code store}, {@code captures} and {@code page.renderer} select plugins by {@code type}.
 * Left out, the store and renderer are the only ones on the class path, with their defaults, and
 * the captures are every capture plugin on the class path, with their defaults.
 */
public class StatusFactory {

  @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}", message = "must be 1 to 100 letters, digits, dots, dashes or underscores")
  private String service;

  @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,59}", message = "must be 1 to 60 letters, digits, dots, dashes or underscores")
  private String instance;

  @Valid private StoreFactory store;

  @Valid @NotNull private StoreConnectFactory storeConnect = new StoreConnectFactory();

  @Valid private List<CaptureFactory> captures;

  @Valid @NotNull private PageFactory page = new PageFactory();

  @Valid @NotNull private ClassificationFactory classification = new ClassificationFactory();

  @Valid @NotNull private HealthFactory health = new HealthFactory();

  @Valid @NotNull private FlushFactory flush = new FlushFactory();

  @Valid @NotNull private RetentionFactory retention = new RetentionFactory();

  @Valid @NotNull private IncidentsFactory incidents = new IncidentsFactory();

  @Valid @NotNull private MaintenanceFactory maintenance = new MaintenanceFactory();

  @Valid @NotNull private ObjectivesFactory objectives = new ObjectivesFactory();

  @Valid @NotNull private NotificationsFactory notifications = new NotificationsFactory();

  @Valid @NotNull private ApiFactory api = new ApiFactory();

  @Valid @NotNull private StatuspageApiFactory statuspageApi = new StatuspageApiFactory();

  @Valid @NotNull private HealthChecksFactory healthChecks = new HealthChecksFactory();

  @Valid @NotNull private MetricsFactory metrics = new MetricsFactory();

  private String version;

  @Valid @NotNull private InstancesFactory instances = new InstancesFactory();

  /** The service name routes are recorded under; the application's name when left out. */
  @JsonProperty
  public String getService() {
    return service;
  }

  @JsonProperty
  public void setService(String service) {
    this.service = service;
  }

  /**
   * The first part of this process's instance id (the host name when left out); a random part is
   * always added, so two runs never overwrite each other's minute buckets.
   */
  @JsonProperty
  public String getInstance() {
    return instance;
  }

  @JsonProperty
  public void setInstance(String instance) {
    this.instance = instance;
  }

  /**
   * The app's version, recorded with this process's instance and marked as a deploy on the page;
   * the host app's jar manifest ({@code Implementation-Version}) when left out.
   */
  @JsonProperty
  public String getVersion() {
    return version;
  }

  @JsonProperty
  public void setVersion(String version) {
    this.version = version;
  }

  @JsonProperty
  public InstancesFactory getInstances() {
    return instances;
  }

  @JsonProperty
  public void setInstances(InstancesFactory instances) {
    this.instances = instances;
  }

  @JsonProperty
  public StoreFactory getStore() {
    return store;
  }

  @JsonProperty
  public void setStore(StoreFactory store) {
    this.store = store;
  }

  @JsonProperty
  public StoreConnectFactory getStoreConnect() {
    return storeConnect;
  }

  @JsonProperty
  public void setStoreConnect(StoreConnectFactory storeConnect) {
    this.storeConnect = storeConnect;
  }

  @JsonProperty
  public List<CaptureFactory> getCaptures() {
    return captures;
  }

  @JsonProperty
  public void setCaptures(List<CaptureFactory> captures) {
    this.captures = captures;
  }

  @JsonProperty
  public PageFactory getPage() {
    return page;
  }

  @JsonProperty
  public void setPage(PageFactory page) {
    this.page = page;
  }

  @JsonProperty
  public ClassificationFactory getClassification() {
    return classification;
  }

  @JsonProperty
  public void setClassification(ClassificationFactory classification) {
    this.classification = classification;
  }

  @JsonProperty
  public HealthFactory getHealth() {
    return health;
  }

  @JsonProperty
  public void setHealth(HealthFactory health) {
    this.health = health;
  }

  @JsonProperty
  public FlushFactory getFlush() {
    return flush;
  }

  @JsonProperty
  public void setFlush(FlushFactory flush) {
    this.flush = flush;
  }

  @JsonProperty
  public RetentionFactory getRetention() {
    return retention;
  }

  @JsonProperty
  public void setRetention(RetentionFactory retention) {
    this.retention = retention;
  }

  @JsonProperty
  public IncidentsFactory getIncidents() {
    return incidents;
  }

  @JsonProperty
  public void setIncidents(IncidentsFactory incidents) {
    this.incidents = incidents;
  }

  /** {@code status.objectives}: service level objectives and their burn-rate alerts. */
  @JsonProperty
  public ObjectivesFactory getObjectives() {
    return objectives;
  }

  @JsonProperty
  public void setObjectives(ObjectivesFactory objectives) {
    this.objectives = objectives;
  }

  @JsonProperty
  public MaintenanceFactory getMaintenance() {
    return maintenance;
  }

  @JsonProperty
  public void setMaintenance(MaintenanceFactory maintenance) {
    this.maintenance = maintenance;
  }

  @JsonProperty
  public NotificationsFactory getNotifications() {
    return notifications;
  }

  @JsonProperty
  public void setNotifications(NotificationsFactory notifications) {
    this.notifications = notifications;
  }

  @JsonProperty
  public ApiFactory getApi() {
    return api;
  }

  @JsonProperty
  public void setApi(ApiFactory api) {
    this.api = api;
  }

  @JsonProperty
  public StatuspageApiFactory getStatuspageApi() {
    return statuspageApi;
  }

  @JsonProperty
  public void setStatuspageApi(StatuspageApiFactory statuspageApi) {
    this.statuspageApi = statuspageApi;
  }

  @JsonProperty
  public HealthChecksFactory getHealthChecks() {
    return healthChecks;
  }

  @JsonProperty
  public void setHealthChecks(HealthChecksFactory healthChecks) {
    this.healthChecks = healthChecks;
  }

  @JsonProperty
  public MetricsFactory getMetrics() {
    return metrics;
  }

  @JsonProperty
  public void setMetrics(MetricsFactory metrics) {
    this.metrics = metrics;
  }

  /**
   * The API and the page each own their path and everything under it (neither is captured as a
   * route), so neither may lie inside the other.
   *
   * @return whether the paths are apart
   */
  @JsonIgnore
  @ValidationMethod(
      message = "status.api.path and status.page.prefix must not be equal or lie one inside the other")
  public boolean isApiPathApartFromPage() {
    if (api == null || page == null || !api.isEnabled()
        || api.getPath() == null || page.getPrefix() == null) {
      return true;
    }
    return !within(api.getPath(), page.getPrefix()) && !within(page.getPrefix(), api.getPath());
  }

  /**
   * The Statuspage API owns its path too: it may lie neither in nor around the page or the
   * configure API.
   *
   * @return whether its path is apart from the others
   */
  @JsonIgnore
  @ValidationMethod(
      message = "status.statuspageApi.path must not be equal to or lie inside or around"
          + " status.page.prefix or status.api.path")
  public boolean isStatuspageApiPathApart() {
    if (statuspageApi == null || !statuspageApi.isEnabled() || statuspageApi.getPath() == null) {
      return true;
    }
    String own = statuspageApi.getPath();
    boolean apartFromPage = page == null || page.getPrefix() == null
        || (!within(own, page.getPrefix()) && !within(page.getPrefix(), own));
    boolean apartFromApi = api == null || !api.isEnabled() || api.getPath() == null
        || (!within(own, api.getPath()) && !within(api.getPath(), own));
    return apartFromPage && apartFromApi;
  }

  private static boolean within(String path, String root) {
    return path.equals(root) || path.startsWith(root + "/");
  }
}
