package dev.trafficstatus.server;

import dev.trafficstatus.server.api.ConfigureApiResource;
import dev.trafficstatus.server.api.ConfigureApiRoutes;
import dev.trafficstatus.server.api.IncidentApiResource;
import dev.trafficstatus.server.api.InstancesApiResource;
import dev.trafficstatus.server.api.MaintenanceApiResource;
import dev.trafficstatus.server.api.NotificationApiResource;
import dev.trafficstatus.server.api.NoticeApiRoutes;
import dev.trafficstatus.server.statuspage.BadgeResource;
import dev.trafficstatus.server.statuspage.StatuspageIds;
import dev.trafficstatus.server.statuspage.StatuspagePayloads;
import dev.trafficstatus.server.statuspage.StatuspageResource;
import dev.trafficstatus.server.statuspage.StatuspageRoutes;
import dev.trafficstatus.core.notice.NoticePayloads;
import dev.trafficstatus.core.status.PageSettings;
import dev.trafficstatus.core.status.PageSnapshot;
import dev.trafficstatus.core.status.StatusService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.trafficstatus.server.config.StatusBlockBinding;
import dev.trafficstatus.server.config.StatusFactory;
import dev.trafficstatus.server.jersey.PathCollisionCheck;
import dev.trafficstatus.server.jersey.ServerPaths;
import dev.trafficstatus.server.ops.DatabaseCommand;
import dev.trafficstatus.core.fleet.InstanceSettings;
import dev.trafficstatus.server.ops.FlushTask;
import dev.trafficstatus.server.ops.InstancesTask;
import dev.trafficstatus.server.ops.PluginsCommand;
import dev.trafficstatus.server.ops.StartupLog;
import dev.trafficstatus.server.ops.StatusHealthChecks;
import dev.trafficstatus.server.ops.RouteMetrics;
import dev.trafficstatus.server.ops.StatusMetrics;
import dev.trafficstatus.server.page.NoticePagesResource;
import dev.trafficstatus.server.page.PageRoutes;
import dev.trafficstatus.server.page.StatusPageResource;
import dev.trafficstatus.server.page.SubscribePageResource;
import dev.trafficstatus.server.plugin.ManagedLifecycle;
import dev.trafficstatus.server.plugin.PluginCatalog;
import dev.trafficstatus.server.subscribe.SubscribeResource;
import dev.trafficstatus.server.subscribe.SubscribeRoutes;
import dev.trafficstatus.server.wiring.StatusRuntime;
import dev.trafficstatus.spi.PluginFactory;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.ConfiguredBundle;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Traffic Status in one line: {@code bootstrap.addBundle(new StatusBundle<>(MyConfig::getStatus))}
 * gives an app the capture of its own requests, the store, the status page and its API, all read
 * from the app's {@code status:} block. The standalone server is this bundle on an empty app.
 *
 * <p>Everything it registers is namespaced so it never clashes with the host's own: metrics
 * {@code trafficstatus.*}, health checks and tasks {@code trafficstatus-*}, the {@code status-db}
 * and {@code status-plugins} commands, its own Liquibase changelog tables, its own JSON mapper and
 * no global exception mappers. The configure API's bearer filter is name-bound to the API's own
 * methods, so it neither sees the host's requests nor needs the host's {@code AuthDynamicFeature}
 * or {@code @Auth} binder. Its health checks are not critical unless configured so.
 *
 * @param <C> the application's configuration class
 */
public class StatusBundle<C extends Configuration> implements ConfiguredBundle<C> {

  /** The bundle's own resources, which may of course lie at its own paths. */
  private static final Set<Class<?>> OWN_RESOURCES =
      Set.of(StatusPageResource.class, NoticePagesResource.class, ConfigureApiResource.class,
          IncidentApiResource.class, InstancesApiResource.class,
          MaintenanceApiResource.class, NotificationApiResource.class, StatuspageResource.class,
          BadgeResource.class, SubscribeResource.class, SubscribePageResource.class);

  private static final Logger LOG = LoggerFactory.getLogger(StatusBundle.class);

  private final Function<C, StatusFactory> accessor;
  private final List<PluginFactory> direct = new ArrayList<>();
  private String commandPrefix = "status-";
  private Clock clock = Clock.systemUTC();
  private PluginCatalog catalog;
  private String applicationName;
  /** The host app's jar manifest's {@code Implementation-Version}, or null (not run from a jar). */
  private String manifestVersion;
  private StatusRuntime runtime;

  /**
   * @param accessor reads the {@code status:} block from the app's configuration
   */
  public StatusBundle(Function<C, StatusFactory> accessor) {
    this.accessor = Objects.requireNonNull(accessor, "accessor");
  }

  /**
   * Adds plugins directly, besides those ServiceLoader finds (for tests, or apps that build their
   * own). A plugin of a class ServiceLoader also finds replaces that one, so its settings become
   * the defaults. Call before the bundle is added.
   *
   * @param factories the plugins
   * @return this bundle
   */
  public StatusBundle<C> withPlugins(PluginFactory... factories) {
    direct.addAll(List.of(factories));
    return this;
  }

  /**
   * Names the commands {@code db} and {@code plugins} instead of {@code status-db} and
   * {@code status-plugins}: for the standalone server, which has no commands of its own to clash
   * with.
   *
   * @return this bundle
   */
  public StatusBundle<C> withUnprefixedCommands() {
    this.commandPrefix = "";
    return this;
  }

  /**
   * Replaces the system clock, for tests that move time by hand.
   *
   * @param clock the clock
   * @return this bundle
   */
  public StatusBundle<C> withClock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  @Override
  public void initialize(Bootstrap<?> bootstrap) {
    catalog = PluginCatalog.discover(bootstrap.getClassLoader(), direct);
    StatusBlockBinding.install(bootstrap.getObjectMapper(), catalog::registerWith);
    applicationName = bootstrap.getApplication().getName();
    Package hostPackage = bootstrap.getApplication().getClass().getPackage();
    manifestVersion = hostPackage == null ? null : hostPackage.getImplementationVersion();
    addCommands(bootstrap);
  }

  @SuppressWarnings("unchecked")
  private void addCommands(Bootstrap<?> bootstrap) {
    Bootstrap<C> typed = (Bootstrap<C>) bootstrap;
    typed.addCommand(
        new DatabaseCommand<>(
            commandPrefix + "db", typed.getApplication().getConfigurationClass(), accessor, catalog));
    typed.addCommand(new PluginsCommand(commandPrefix + "plugins", catalog));
  }

  /** What the bundle adds to the host, in the order it adds it. */
  @Override
  public void run(C configuration, Environment environment) {
    StatusFactory status = statusBlock(configuration);
    runtime = StatusRuntime.assemble(
        status, catalog, applicationName, manifestVersion, environment, clock,
        (service, page) -> payloads(status, service, page));

    runtime.lifecycles().forEach(part -> environment.lifecycle().manage(new ManagedLifecycle(part)));
    StatusMetrics.register(environment.metrics(), runtime.registry(), runtime.flusher());
    if (status.getMetrics().isPerRoute()) {
      runtime
          .flusher()
          .whenHarvested(
              RouteMetrics.register(environment.metrics(), status.getMetrics().getMaxRoutes()));
    }
    StatusHealthChecks.register(
        environment.healthChecks(),
        runtime.store(),
        runtime.flusher(),
        status.getFlush().getInterval().toJavaDuration(),
        status.getHealthChecks().isCritical(),
        clock);
    environment.admin().addTask(new FlushTask(runtime.flusher(), runtime::forgetCachedPages));
    InstanceSettings instances =
        status.getInstances().build(status.getFlush().getInterval().toJavaDuration());
    environment.admin().addTask(new InstancesTask(runtime.store(), instances, clock));
    runtime
        .page()
        .ifPresent(
            page ->
                PageRoutes.register(
                    environment.jersey(), page.service(), page.history(), page.renderer(),
                    page.prefix(), Optional.ofNullable(status.getPage().getPublicUrl()),
                    status.getPage().languages(), runtime.firstFigures(),
                    SubscribeRoutes.register(environment, page.prefix(), status.getPage().getPublicUrl(),
                        runtime.subscriberMailer(), runtime.store().subscribers(),
                        status.getPage().languages(), status.getNotifications().getSubscribers().build(), clock),
                    clock));
    runtime.page().ifPresent(page -> StatuspageRoutes.register(environment.jersey(), page.service(),
        status.getHealth().build(), page.prefix(), statuspageApiPath(status), pageId(),
        status.getPage().getPublicUrl(), clock));
    if (status.getApi().isEnabled()) {
      ConfigureApiRoutes.register(
          environment.jersey(),
          status.getApi(),
          runtime.store(),
          runtime.service(),
          runtime::forgetCachedPages,
          runtime.flusher()::declarePending,
          instances,
          clock);
      registerNoticeApi(status, environment);
    }
    environment.jersey().register(new PathCollisionCheck(ownPaths(status), OWN_RESOURCES));
    StartupLog.register(
        environment.lifecycle(),
        catalog.describe(),
        runtime.store().describe(),
        runtime.service(),
        runtime.instance(),
        runtime.describeCaptures(),
        runtime.page().map(page -> onServer(configuration, page.prefix())),
        Optional.of(status.getApi())
            .filter(api -> api.isEnabled())
            .map(api -> onServer(configuration, api.getPath())));
  }

  /**
   * The incident and maintenance API, beside the configure API, when the store keeps notices.
   */
  private void registerNoticeApi(StatusFactory status, Environment environment) {
    if (runtime.notices().isEmpty() || runtime.store().notices().isEmpty()) {
      LOG.info("Traffic Status serves no incident API at {}/incidents: the store ({}) keeps no"
          + " incidents or maintenances", status.getApi().getPath(), runtime.store().describe());
      return;
    }
    PageSettings page = status.getPage().build(runtime.service());
    NoticeApiRoutes.register(environment.jersey(), status.getApi().getPath(), runtime.notices().get(),
        runtime.store().notices().get(), runtime.store(),
        new NoticeApiRoutes.PageFacts(pageId(), status.getPage().getPublicUrl(),
            runtime.page().map(StatusRuntime.Page::prefix).orElse(null), page.zone()),
        runtime::forgetCachedPages, clock);
  }

  /** What outbox events about notices carry: Statuspage's incident object. */
  private static NoticePayloads payloads(
      StatusFactory status, String service, Optional<StatusService> page) {
    PageSettings settings = status.getPage().build(service);
    return new StatuspagePayloads(StatuspageIds.page(service), settings.title(),
        status.getPage().getPublicUrl(), settings.zone(),
        () -> page.map(StatusService::snapshot)
            .filter(PageSnapshot::available)
            .map(snapshot -> snapshot.page(settings.defaultDays())));
  }

  private String pageId() {
    return StatuspageIds.page(runtime.service());
  }

  private static String statuspageApiPath(StatusFactory status) {
    return status.getStatuspageApi().isEnabled() ? status.getStatuspageApi().getPath() : null;
  }

  /** The paths the bundle serves and the settings that place them. */
  private static Map<String, String> ownPaths(StatusFactory status) {
    Map<String, String> paths = new LinkedHashMap<>();
    if (status.getPage().isEnabled()) {
      paths.put(status.getPage().getPrefix(), "status.page.prefix");
    }
    if (status.getApi().isEnabled()) {
      paths.put(status.getApi().getPath(), "status.api.path");
    }
    if (status.getPage().isEnabled() && status.getStatuspageApi().isEnabled()) {
      paths.put(status.getStatuspageApi().getPath(), "status.statuspageApi.path");
    }
    return paths;
  }

  private StatusFactory statusBlock(C configuration) {
    StatusFactory status = accessor.apply(configuration);
    if (status == null) {
      throw new IllegalStateException(
          "The status configuration block is missing: the accessor given to StatusBundle returned null");
    }
    return status;
  }

  private static String onServer(Configuration configuration, String path) {
    return ServerPaths.onServer(configuration.getServerFactory(), path);
  }

  /**
   * The running pipeline, once {@link #run} has built it: for tests and for apps that want to
   * record through it directly.
   *
   * @return the runtime
   * @throws IllegalStateException before {@link #run}
   */
  public StatusRuntime runtime() {
    if (runtime == null) {
      throw new IllegalStateException("StatusBundle has not run yet");
    }
    return runtime;
  }
}
