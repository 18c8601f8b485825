package dev.trafficstatus.server;

import dev.trafficstatus.core.aggregate.MinuteHarvester;
import dev.trafficstatus.core.aggregate.RouteRegistry;
import dev.trafficstatus.core.flush.Flusher;
import dev.trafficstatus.core.maintain.Housekeeper;
import dev.trafficstatus.core.status.PageSettings;
import dev.trafficstatus.core.status.StatusService;
import dev.trafficstatus.server.config.StatusFactory;
import dev.trafficstatus.server.plugin.HostContext;
import dev.trafficstatus.server.plugin.PluginCatalog;
import dev.trafficstatus.server.plugin.PluginKind;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.capture.Capture;
import dev.trafficstatus.spi.capture.CaptureFactory;
import dev.trafficstatus.spi.page.PageRenderer;
import dev.trafficstatus.spi.page.RendererFactory;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoreFactory;
import io.dropwizard.core.setup.Environment;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The pipeline built from the {@code status:} block: store, route registry, flusher, maintenance,
 * captures, and (unless capture-only) the page service and renderer. Built once per process by the
 * bundle; holds no Jersey or HTTP concerns.
 */
public final class StatusRuntime {

  private final String service;
  private final String instance;
  private final StatusStore store;
  private final RouteRegistry registry;
  private final Flusher flusher;
  private final Housekeeper housekeeper;
  private final List<Capture> captures;
  private final List<String> captureNames;
  private final PageSettings pageSettings;
  private final StatusService statusService;
  private final PageRenderer renderer;
  private final String pagePrefix;

  private StatusRuntime(Builder b) {
    this.service = b.service;
    this.instance = b.instance;
    this.store = b.store;
    this.registry = b.registry;
    this.flusher = b.flusher;
    this.housekeeper = b.housekeeper;
    this.captures = List.copyOf(b.captures);
    this.captureNames = List.copyOf(b.captureNames);
    this.pageSettings = b.pageSettings;
    this.statusService = b.statusService;
    this.renderer = b.renderer;
    this.pagePrefix = b.pagePrefix;
  }

  private static final class Builder {
    String service;
    String instance;
    StatusStore store;
    RouteRegistry registry;
    Flusher flusher;
    Housekeeper housekeeper;
    final List<Capture> captures = new ArrayList<>();
    final List<String> captureNames = new ArrayList<>();
    PageSettings pageSettings;
    StatusService statusService;
    PageRenderer renderer;
    String pagePrefix;
  }

  /**
   * Builds the pipeline; starts nothing.
   *
   * @param config the {@code status:} block
   * @param catalog the plugins available
   * @param applicationName the default service name
   * @param environment the Dropwizard environment, offered to plugins that ask for it
   * @param clock the clock every component uses
   * @return the runtime
   */
  public static StatusRuntime build(
      StatusFactory config,
      PluginCatalog catalog,
      String applicationName,
      Environment environment,
      Clock clock) {
    Builder b = new Builder();
    b.service = serviceName(config, applicationName);
    b.instance = uniqueInstance(config.getInstance());
    b.pagePrefix = config.getPage().getPrefix();
    b.registry =
        new RouteRegistry(
            config.getClassification().build(), clock, capturedRoutes(b.service, ownPaths(config)));
    List<Object> hostObjects =
        environment == null ? List.of() : List.of(environment, environment.metrics());
    HostContext context = new HostContext(b.service, b.instance, clock, b.registry, hostObjects);

    b.store = store(config, catalog).build(context);
    b.flusher =
        new Flusher(
            b.registry,
            new MinuteHarvester(b.registry, clock, b.instance),
            b.store,
            clock,
            config.getFlush().build());
    b.housekeeper =
        new Housekeeper(
            b.store,
            clock,
            config.getRetention().build(),
            config.getRetention().getMaintenanceInterval().toJavaDuration());
    for (CaptureFactory factory : captures(config, catalog)) {
      b.captures.add(factory.build(context));
      b.captureNames.add(factory.name());
    }
    b.pageSettings = config.getPage().build(b.service);
    if (config.getPage().isEnabled()) {
      b.statusService =
          new StatusService(b.store, b.pageSettings, config.getHealth().build(), clock);
      RendererFactory rendererFactory =
          config.getPage().getRenderer() != null
              ? config.getPage().getRenderer()
              : catalog.soleDefault(PluginKind.RENDERER);
      b.renderer = rendererFactory.build(context);
    }
    return new StatusRuntime(b);
  }

  /**
   * The store configuration names, or the only store plugin with its defaults.
   *
   * @param config the {@code status:} block
   * @param catalog the plugins available
   * @return the store factory
   */
  public static StoreFactory store(StatusFactory config, PluginCatalog catalog) {
    return config.getStore() != null ? config.getStore() : catalog.soleDefault(PluginKind.STORE);
  }

  private static List<CaptureFactory> captures(StatusFactory config, PluginCatalog catalog) {
    if (config.getCaptures() != null) {
      return config.getCaptures();
    }
    return catalog.all(PluginKind.CAPTURE).stream().map(CaptureFactory.class::cast).toList();
  }

  private static String serviceName(StatusFactory config, String applicationName) {
    if (config.getService() != null) {
      return config.getService();
    }
    String fromApp = applicationName.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
    return fromApp.isEmpty() ? "service" : fromApp;
  }

  /** The paths the bundle serves: the page's prefix, and the API's path when it is on. */
  private static List<String> ownPaths(StatusFactory config) {
    return config.getApi().isEnabled()
        ? List.of(config.getPage().getPrefix(), config.getApi().getPath())
        : List.of(config.getPage().getPrefix());
  }

  /**
   * The status page, the configure API and everything under them belong to us, not to the host:
   * never captured, so looking at the page or editing routes never shows up as traffic.
   */
  private static Predicate<RouteKey> capturedRoutes(String service, List<String> ownPaths) {
    return key ->
        !(key.service().equals(service)
            && ownPaths.stream()
                .anyMatch(own -> key.rule().equals(own) || key.rule().startsWith(own + "/")));
  }

  /**
   * A process-unique instance id: the configured base (or the host name) and a random suffix.
   *
   * @param base the configured base, or null
   * @return the instance id
   */
  static String uniqueInstance(String base) {
    String prefix = base;
    if (prefix == null) {
      try {
        prefix = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException noName) {
        prefix = "instance";
      }
    }
    prefix = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
    if (prefix.length() > 60) {
      prefix = prefix.substring(0, 60);
    }
    String suffix = Long.toString(new SecureRandom().nextLong() >>> 1, 36);
    return prefix + "-" + suffix.substring(0, Math.min(8, suffix.length()));
  }

  public String service() {
    return service;
  }

  public String instance() {
    return instance;
  }

  public StatusStore store() {
    return store;
  }

  public RouteRegistry registry() {
    return registry;
  }

  public Flusher flusher() {
    return flusher;
  }

  public Housekeeper housekeeper() {
    return housekeeper;
  }

  public List<Capture> captures() {
    return captures;
  }

  /**
   * What each capture watches, for the start-up log.
   *
   * @return one entry per capture: its name and description
   */
  public List<String> describeCaptures() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < captures.size(); i++) {
      lines.add(captureNames.get(i) + " (" + captures.get(i).describe() + ")");
    }
    return lines;
  }

  public PageSettings pageSettings() {
    return pageSettings;
  }

  /** Whether this process serves the page (false in capture-only mode). */
  public boolean servesPage() {
    return statusService != null;
  }

  public StatusService statusService() {
    return Objects.requireNonNull(statusService, "capture-only: no page");
  }

  public PageRenderer renderer() {
    return Objects.requireNonNull(renderer, "capture-only: no page");
  }

  public String pagePrefix() {
    return pagePrefix;
  }

  /** Makes the next page request read the store, after a flush or an edit; no-op without page. */
  public void forgetCachedPages() {
    if (statusService != null) {
      statusService.invalidate();
    }
  }
}
