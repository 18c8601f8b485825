package dev.trafficstatus.capture.jersey;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.capture.Recorder;
import dev.trafficstatus.spi.capture.RouteRecorder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.ResourceModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of one Jersey application and the lookup from a matched request to its recorder.
 *
 * <p>Built once when Jersey has its resource model: every route of the model is declared then, so
 * the page lists them before any traffic, and so are the routes of locators whose return type names
 * a resource class. Routes only known once a locator has run are declared the first time they are
 * seen. Routes are keyed by normalized template, so methods and locator chains that lead to the
 * same template share one recorder; such a route is restricted when any of them is protected
 * ({@link RouteProtection}), or any locator on the way to one.
 */
final class RouteTable {

  /**
   * How many routes may be discovered at run time. A locator that returns itself ({@code
   * /tree/{a}/{b}/{c}...}) could otherwise turn a scan into ever new templates, which is exactly
   * what must never grow the store; past the limit such requests count as unmatched.
   */
  static final int DISCOVERED_ROUTE_LIMIT = 1_000;

  /**
   * How many model objects may be remembered at run time. Jersey evicts locator models from its own
   * cache (64 classes by default) and rebuilds them, and never caches {@code Resource} instances a
   * locator returns; each rebuild brings new keys. Past the limit lookups still work, just without
   * remembering, so memory stays bounded.
   */
  static final int REMEMBERED_LIMIT = 10_000;

  /** Marks methods that answer no route, so they are not resolved again; never recorded into. */
  static final RouteRecorder NO_ROUTE =
      new RouteRecorder() {
        @Override
        public void record(int status, long latencyNanos) {}

        @Override
        public void recordSuccess(long latencyNanos) {}

        @Override
        public void recordFailure(long latencyNanos) {}
      };

  private static final Logger LOG = LoggerFactory.getLogger(RouteTable.class);

  private final String service;
  private final Recorder recorder;
  private final RouteProtection protection;
  private final RouteNode root = new RouteNode(this, "", false, false);
  private final ConcurrentHashMap<String, RouteRecorder> byTemplate = new ConcurrentHashMap<>();
  private final AtomicInteger discovered = new AtomicInteger();
  private final AtomicInteger remembered = new AtomicInteger();
  private final AtomicBoolean limitLogged = new AtomicBoolean();

  private RouteTable(String service, Recorder recorder, RouteProtection protection) {
    this.service = service;
    this.recorder = recorder;
    this.protection = protection;
  }

  /**
   * Declares every route of a Jersey application.
   *
   * @param model the application's resource model, after Jersey's model processors
   * @param service the service the routes belong to
   * @param recorder where routes are declared and requests counted
   * @param protection which methods the host protects
   * @return the table, holding a recorder for every resource method of the model
   */
  static RouteTable declare(
      ResourceModel model, String service, Recorder recorder, RouteProtection protection) {
    RouteTable table = new RouteTable(service, recorder, protection);
    // Sorted so routes are declared in the same order on every start.
    Map<String, TemplateMethods> methodsByTemplate = new TreeMap<>();
    Set<ResourceMethod> ownMethods = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Resource resource : model.getResources()) {
      table.collectOwn(resource, methodsByTemplate, ownMethods);
    }
    for (Map.Entry<String, TemplateMethods> route : methodsByTemplate.entrySet()) {
      TemplateMethods methods = route.getValue();
      RouteRecorder routeRecorder =
          table.declare(route.getKey(), methods.methods, methods.restricted);
      for (ResourceMethod method : methods.methods) {
        if (ownMethods.contains(method)) {
          table.root.declare(method, routeRecorder);
        }
      }
    }
    return table;
  }

  /**
   * Finds the recorder of a matched request: the hot path. No allocation, no lock, no string built
   * once a route has been seen.
   *
   * @param uriInfo what Jersey matched
   * @return the route's recorder, or null when no resource method of the application answered
   */
  RouteRecorder find(ExtendedUriInfo uriInfo) {
    ResourceMethod method = uriInfo.getMatchedResourceMethod();
    if (method == null) {
      return null;
    }
    // Jersey's own list, not a copy; it stacks locators innermost first, and the tree is walked
    // from the application's root outwards.
    List<ResourceMethod> locators = uriInfo.getMatchedResourceLocators();
    RouteNode node = root;
    for (int i = locators.size() - 1; i >= 0; i--) {
      node = node.afterLocator(locators.get(i));
    }
    return node.recorderOf(method);
  }

  /** Where requests are counted. */
  Recorder recorder() {
    return recorder;
  }

  /** How many routes are known: declared at start-up plus discovered since. */
  int routes() {
    return byTemplate.size();
  }

  /** How many of the known routes were discovered through locators at run time. */
  int discovered() {
    return discovered.get();
  }

  /** Whether the host protects a resource method or locator. */
  boolean protects(ResourceMethod method) {
    return protection.protects(method);
  }

  /**
   * Resolves a template seen for the first time at run time, declaring its route unless known.
   *
   * @param template the normalized template
   * @param methods the resource methods answering it, to name the route
   * @param behindProtectedLocator whether a locator on the way to them is protected
   * @return its recorder, or {@link #NO_ROUTE}
   */
  RouteRecorder discover(
      String template, List<ResourceMethod> methods, boolean behindProtectedLocator) {
    RouteRecorder known = byTemplate.get(template);
    if (known != null) {
      return known;
    }
    boolean restricted =
        behindProtectedLocator || methods.stream().anyMatch(protection::protects);
    Optional<RouteDescriptor> route =
        RouteNaming.describe(new RouteKey(service, template), methods, restricted);
    if (route.isEmpty()) {
      return NO_ROUTE;
    }
    if (discovered.get() >= DISCOVERED_ROUTE_LIMIT) {
      if (limitLogged.compareAndSet(false, true)) {
        LOG.warn(
            "More than {} routes of service {} were discovered through sub-resource locators;"
                + " requests to further new ones, such as {}, are counted as unmatched",
            DISCOVERED_ROUTE_LIMIT,
            service,
            template);
      }
      return NO_ROUTE;
    }
    RouteRecorder declared = recorder.route(route.get());
    if (byTemplate.putIfAbsent(template, declared) == null) {
      discovered.incrementAndGet();
    }
    return declared;
  }

  /**
   * Remembers a resolved value unless the limit is reached.
   *
   * @return the value to use: the one another thread remembered first, or the given one
   */
  <K, V> V remember(ConcurrentHashMap<K, V> map, K key, V value) {
    if (remembered.get() >= REMEMBERED_LIMIT) {
      return value;
    }
    V earlier = map.putIfAbsent(key, value);
    if (earlier != null) {
      return earlier;
    }
    remembered.incrementAndGet();
    return value;
  }

  private RouteRecorder declare(
      String template, List<ResourceMethod> methods, boolean restricted) {
    RouteKey key = new RouteKey(service, template);
    Optional<RouteDescriptor> route = RouteNaming.describe(key, methods, restricted);
    if (route.isEmpty()) {
      return NO_ROUTE;
    }
    RouteRecorder declared = recorder.route(route.get());
    byTemplate.put(template, declared);
    return declared;
  }

  /** Collects the methods of a resource of the application's own model, and of its children. */
  private void collectOwn(
      Resource resource,
      Map<String, TemplateMethods> methodsByTemplate,
      Set<ResourceMethod> ownMethods) {
    for (ResourceMethod method : resource.getResourceMethods()) {
      String template = RouteTemplate.normalize(RouteTemplate.within(method, false));
      methodsByTemplate
          .computeIfAbsent(template, t -> new TemplateMethods())
          .add(method, protection.protects(method));
      ownMethods.add(method);
    }
    ResourceMethod locator = resource.getResourceLocator();
    if (locator != null) {
      RouteNode node = root.declareLocator(locator);
      collectReturned(
          node.rawTemplate(), locator, node.restricted(), methodsByTemplate, new HashSet<>());
    }
    for (Resource child : resource.getChildResources()) {
      collectOwn(child, methodsByTemplate, ownMethods);
    }
  }

  /**
   * Collects the routes of the resource class a locator declares it returns, so they are listed
   * before traffic too. Best effort: what the locator really returns at run time may differ (a
   * subclass, an {@code Object}), and those routes are discovered on first sight. These model
   * objects are not the ones Jersey matches at run time, so only the routes are declared here.
   *
   * @param restricted whether this locator or one on the way to it is protected
   * @param chain the classes already being collected on this path, which ends a locator that
   *     returns its own class
   */
  private void collectReturned(
      String prefix,
      ResourceMethod locator,
      boolean restricted,
      Map<String, TemplateMethods> methodsByTemplate,
      Set<Class<?>> chain) {
    Class<?> type = locator.getInvocable().getRawResponseType();
    if (!namesResourceClass(type) || !chain.add(type)) {
      return;
    }
    try {
      // Validation off: Jersey validates the model it really uses when the locator runs, and
      // reports its problems there; here a problem only means the route waits for first sight.
      Resource returned = Resource.from(type, true);
      if (returned != null) {
        collectReturned(returned, prefix, restricted, methodsByTemplate, chain);
      }
    } catch (RuntimeException e) {
      LOG.info(
          "Routes below {} are declared when first requested: {} could not be read as a resource"
              + " class ({})",
          RouteTemplate.normalize(prefix),
          type.getName(),
          e.toString());
    }
    chain.remove(type);
  }

  private void collectReturned(
      Resource resource,
      String prefix,
      boolean restricted,
      Map<String, TemplateMethods> methodsByTemplate,
      Set<Class<?>> chain) {
    for (ResourceMethod method : resource.getResourceMethods()) {
      String template =
          RouteTemplate.normalize(RouteTemplate.join(prefix, RouteTemplate.within(method, true)));
      methodsByTemplate
          .computeIfAbsent(template, t -> new TemplateMethods())
          .add(method, restricted || protection.protects(method));
    }
    ResourceMethod locator = resource.getResourceLocator();
    if (locator != null) {
      String locatorPrefix = RouteTemplate.join(prefix, RouteTemplate.within(locator, true));
      collectReturned(
          locatorPrefix,
          locator,
          restricted || protection.protects(locator),
          methodsByTemplate,
          chain);
    }
    for (Resource child : resource.getChildResources()) {
      collectReturned(child, prefix, restricted, methodsByTemplate, chain);
    }
  }

  /** The resource methods found for one template at start-up, and whether any is protected. */
  private static final class TemplateMethods {
    final List<ResourceMethod> methods = new ArrayList<>();
    boolean restricted;

    void add(ResourceMethod method, boolean isProtected) {
      methods.add(method);
      restricted |= isProtected;
    }
  }

  /** Whether a locator's declared return type says which resource class it returns. */
  private static boolean namesResourceClass(Class<?> type) {
    return type != Object.class
        && type != Class.class
        && !Resource.class.isAssignableFrom(type)
        && !type.isPrimitive()
        && !type.isArray();
  }
}
