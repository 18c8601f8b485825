package dev.trafficstatus.server.wiring;

import dev.trafficstatus.core.aggregate.MinuteHarvester;
import dev.trafficstatus.core.aggregate.RouteRegistry;
import dev.trafficstatus.core.connect.ConnectingStore;
import dev.trafficstatus.core.flush.Flusher;
import dev.trafficstatus.core.evaluate.Evaluator;
import dev.trafficstatus.core.fleet.InstanceReporter;
import dev.trafficstatus.core.maintain.Housekeeper;
import dev.trafficstatus.core.notice.NoticePayloads;
import dev.trafficstatus.core.notice.NoticeService;
import dev.trafficstatus.core.notify.NotificationSender;
import dev.trafficstatus.core.status.FirstFigures;
import dev.trafficstatus.core.status.NoticeHistory;
import dev.trafficstatus.core.status.StatusService;
import dev.trafficstatus.server.config.StatusFactory;
import dev.trafficstatus.spi.notify.SubscriberMailer;
import dev.trafficstatus.server.plugin.HostContext;
import dev.trafficstatus.server.plugin.PluginCatalog;
import dev.trafficstatus.server.plugin.PluginKind;
import dev.trafficstatus.spi.Lifecycle;
import dev.trafficstatus.spi.capture.Capture;
import dev.trafficstatus.spi.capture.CaptureFactory;
import dev.trafficstatus.spi.page.PageRenderer;
import dev.trafficstatus.spi.store.StatusStore;
import io.dropwizard.core.setup.Environment;
import java.security.SecureRandom;
import java.time.Clock;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The pipeline built from the {@code status:} block: store, route registry, flusher, maintenance,
 * captures, and (unless capture-only) the page. Built once per process by the bundle, immutable,
 * and free of Jersey and HTTP concerns: the registrars of the bundle take from it only what each
 * one serves.
 */
public final class StatusRuntime {

  /**
   * What the page needs, present unless the process only captures.
   *
   * @param service the page model
   * @param history the incidents and maintenances of past months, for the history and the feeds
   * @param renderer the page's renderer plugin
   * @param prefix where the page is served, such as {@code /status}
   */
  public record Page(StatusService service, NoticeHistory history, PageRenderer renderer, String prefix) {

    /** Checks every part is present. */
    public Page {
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(history, "history");
      Objects.requireNonNull(renderer, "renderer");
      Objects.requireNonNull(prefix, "prefix");
    }
  }

  /** Writes what outbox events about notices carry; the server's codec, given the page's service. */
  @FunctionalInterface
  public interface PayloadsFactory {

    /**
     * The payload writer.
     *
     * @param service the service name
     * @param page the page's model, when this process serves a page
     * @return the writer
     */
    NoticePayloads build(String service, Optional<StatusService> page);
  }

  private final String service;
  private final String instance;
  private final ConnectingStore store;
  private final RouteRegistry registry;
  private final Flusher flusher;
  private final InstanceReporter reporter;
  private final Housekeeper housekeeper;
  private final List<Capture> captures;
  private final List<String> captureNames;
  private final Optional<Page> page;
  private final Optional<NoticeParts> notices;
  private final Optional<NotificationSender> sender;
  private final FirstFigures firstFigures;
  private final Optional<SubscriberMailer> mailer;

  private StatusRuntime(
      String service,
      String instance,
      ConnectingStore store,
      RouteRegistry registry,
      Flusher flusher,
      InstanceReporter reporter,
      Housekeeper housekeeper,
      List<Capture> captures,
      List<String> captureNames,
      Optional<Page> page,
      Optional<NoticeParts> notices,
      NotificationParts.Built notifications,
      FirstFigures firstFigures) {
    this.service = service;
    this.instance = instance;
    this.store = store;
    this.registry = registry;
    this.flusher = flusher;
    this.reporter = reporter;
    this.housekeeper = housekeeper;
    this.captures = List.copyOf(captures);
    this.captureNames = List.copyOf(captureNames);
    this.page = page;
    this.notices = notices;
    this.sender = notifications.sender();
    this.mailer = notifications.mailer();
    this.firstFigures = firstFigures;
  }

  /**
   * Builds the pipeline; starts nothing.
   *
   * @param config the {@code status:} block
   * @param catalog the plugins available
   * @param applicationName the default service name
   * @param manifestVersion the host app's version from its jar manifest, or null
   * @param environment the Dropwizard environment, offered to plugins that ask for it; may be null
   * @param clock the clock every component uses
   * @param payloads writes what outbox events about notices carry
   * @return the runtime
   */
  public static StatusRuntime assemble(
      StatusFactory config,
      PluginCatalog catalog,
      String applicationName,
      String manifestVersion,
      Environment environment,
      Clock clock,
      PayloadsFactory payloads) {
    String service = serviceName(config, applicationName);
    String instance = InstanceIds.unique(config.getInstance());
    RouteRegistry registry = new RouteRegistry(config.getClassification().build(), clock,
        OwnPaths.notCaptured(service, OwnPaths.of(config)), Slf4jSystemLogger.of(RouteRegistry.class));
    HostContext context =
        new HostContext(service, instance, clock, registry, hostObjects(environment));

    ConnectingStore store = new ConnectingStore(catalog.storeOf(config.getStore()).build(context),
        config.getStoreConnect().build(), Slf4jSystemLogger.of(ConnectingStore.class),
        new SecureRandom());
    Flusher flusher = new Flusher(registry, new MinuteHarvester(registry, clock, instance), store,
        clock, config.getFlush().build(), Slf4jSystemLogger.of(Flusher.class));
    // Routes are made known to the store as soon as they are declared, and what waited is written
    // as soon as the store has started.
    registry.whenDeclared(flusher::declareSoon);
    store.whenConnected(flusher::flushSoon);
    InstanceReporter reporter =
        InstanceReporting.wire(config, manifestVersion, service, instance, store, flusher, clock);
    Housekeeper housekeeper =
        new Housekeeper(
            store, clock, config.getRetention().build(), Slf4jSystemLogger.of(Housekeeper.class));
    List<Capture> captures = new ArrayList<>();
    List<String> captureNames = new ArrayList<>();
    for (CaptureFactory factory : captures(config, catalog)) {
      captures.add(factory.build(context));
      captureNames.add(factory.name());
    }
    Optional<Page> page = PageParts.assemble(config, catalog, store, service, context, clock);
    // A route declared after the page's first read (Jersey starts after the store, or the store
    // after Jersey) shows at once, not a refresh later.
    page.ifPresent(p -> flusher.whenRoutesDeclared(p.service()::invalidate));
    NoticePayloads written = payloads.build(service, page.map(Page::service));
    Optional<NoticeParts> notices = NoticeParts.assemble(config, store, service, clock, written);
    return new StatusRuntime(
        service, instance, store, registry, flusher, reporter, housekeeper, captures, captureNames, page,
        notices, NotificationParts.assemble(config, store, context, clock, written.page()),
        // Only a process that counts requests can promise when its first figures are written.
        captures.isEmpty() ? FirstFigures.NONE : new FirstFigures(flusher::writtenBy, clock.instant()));
  }

  private static List<Object> hostObjects(Environment environment) {
    return environment == null
        ? List.of()
        : List.of(environment, environment.metrics(), environment.healthChecks());
  }

  private static List<CaptureFactory> captures(StatusFactory config, PluginCatalog catalog) {
    if (config.getCaptures() != null) {
      return config.getCaptures();
    }
    return catalog.all(PluginKind.CAPTURE).stream()
        .map(CaptureFactory.class::cast)
        .filter(CaptureFactory::onByDefault)
        .toList();
  }

  private static String serviceName(StatusFactory config, String applicationName) {
    if (config.getService() != null) {
      return config.getService();
    }
    String fromApp = applicationName.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
    return fromApp.isEmpty() ? "service" : fromApp;
  }

  /**
   * The service this process records under.
   *
   * @return the service name
   */
  public String service() {
    return service;
  }

  /**
   * This process's instance id.
   *
   * @return the id
   */
  public String instance() {
    return instance;
  }

  /**
   * The store.
   *
   * @return the store plugin's store
   */
  public StatusStore store() {
    return store;
  }

  /**
   * The store once it has started, for tests and tools that write to it directly: the store starts
   * in the background.
   *
   * @param timeout how long to wait at most
   * @return the store
   * @throws IllegalStateException when it has not started in time
   * @throws InterruptedException when interrupted while waiting
   */
  public StatusStore startedStore(java.time.Duration timeout) throws InterruptedException {
    if (!store.awaitConnected(timeout)) {
      throw new IllegalStateException("the store has not started within " + timeout);
    }
    return store;
  }

  /**
   * The store plugin's own store, unguarded, for tests that need its type.
   *
   * @return the store the plugin built
   */
  public StatusStore pluginStore() {
    return store.plugin();
  }

  /**
   * The route registry, which is the recorder captures feed.
   *
   * @return the registry
   */
  public RouteRegistry registry() {
    return registry;
  }

  /**
   * The flusher.
   *
   * @return the flusher
   */
  public Flusher flusher() {
    return flusher;
  }

  /**
   * Everything with a lifecycle, in start order: the store first (the others need it), then this
   * process's instance report, the page's refresher, flushing, maintenance, the evaluator (when
   * the store keeps notices), the notification sender (when notifiers are configured) and the
   * captures. Stopped in reverse: the clean stop is recorded after the last flush.
   *
   * @return the components
   */
  public List<Lifecycle> lifecycles() {
    List<Lifecycle> all = new ArrayList<>();
    all.add(store);
    all.add(reporter);
    page.ifPresent(p -> {
      all.add(p.service());
      all.add(p.history());
    });
    all.add(flusher);
    all.add(housekeeper);
    notices.ifPresent(n -> all.add(n.evaluator()));
    sender.ifPresent(all::add);
    all.addAll(captures);
    return all;
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

  /**
   * The page, unless the process only captures.
   *
   * @return the page's parts, or empty
   */
  public Optional<Page> page() {
    return page;
  }

  /**
   * The one writer of incidents and maintenances, when the store keeps them.
   *
   * @return the notice service, or empty: incidents and maintenances are then off
   */
  public Optional<NoticeService> notices() {
    return notices.map(NoticeParts::service);
  }

  /**
   * The evaluator, when the store keeps notices, for tests that run it at a moment of their choice.
   *
   * @return the evaluator, or empty
   */
  public Optional<Evaluator> evaluator() {
    return notices.map(NoticeParts::evaluator);
  }

  /**
   * The notification sender, when notifiers are configured, for tests that run it at a moment of
   * their choice.
   *
   * @return the sender, or empty
   */
  public Optional<NotificationSender> notificationSender() {
    return sender;
  }

  /** @return the notifier that mails subscribers' confirmations ({@code type: email}), if any */
  public Optional<SubscriberMailer> subscriberMailer() {
    return mailer;
  }

  /**
   * The page model.
   *
   * @return the page's service
   * @throws IllegalStateException in a capture-only process
   */
  public StatusService statusService() {
    return page.orElseThrow(() -> new IllegalStateException("capture-only: no page")).service();
  }

  /**
   * When a new server's first figures will be on its page.
   *
   * @return the promise; {@link FirstFigures#NONE} for a process that captures nothing
   */
  public FirstFigures firstFigures() {
    return firstFigures;
  }

  /**
   * Reads the page's figures again on the caller's thread, after a flush or an edit, so the next
   * page request shows them; no-op without page.
   */
  public void forgetCachedPages() {
    page.ifPresent(p -> {
      p.service().invalidate();
      p.history().invalidate();
    });
  }
}
