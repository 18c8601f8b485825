package dev.trafficstatus.capture.jersey;

import dev.trafficstatus.spi.capture.RouteRecorder;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * The routes reachable after one chain of sub-resource locators; the root node (no locator) holds
 * the application's own resource methods. Together the nodes form a tree keyed by Jersey's model
 * objects, so a request finds its recorder with one map lookup per locator plus one for its method,
 * without building a key or a string.
 *
 * <p>Keys are {@link ResourceMethod} instances, compared by identity (Jersey defines no equality on
 * them): the root model's are fixed for the application's life, and Jersey caches the models its
 * locators return per class, so their methods recur too. Lookups are lock-free
 * ({@link ConcurrentHashMap#get}); a miss resolves the route once and remembers it.
 */
final class RouteNode {

  private final RouteTable table;
  private final String rawTemplate;
  private final boolean subResourceModel;
  private final boolean restricted;
  private final ConcurrentHashMap<ResourceMethod, RouteNode> locators = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<ResourceMethod, RouteRecorder> methods =
      new ConcurrentHashMap<>();

  /**
   * @param table where routes are resolved on a miss
   * @param rawTemplate the joined paths of the locators leading here, not normalized
   * @param subResourceModel whether the methods below belong to a model a locator returned
   * @param restricted whether a locator leading here is protected, which restricts every route
   *     below
   */
  RouteNode(RouteTable table, String rawTemplate, boolean subResourceModel, boolean restricted) {
    this.table = table;
    this.rawTemplate = rawTemplate;
    this.subResourceModel = subResourceModel;
    this.restricted = restricted;
  }

  /** The joined paths of the locators leading here, not normalized. */
  String rawTemplate() {
    return rawTemplate;
  }

  /** Whether a locator leading here is protected. */
  boolean restricted() {
    return restricted;
  }

  /**
   * The node of the sub-resource one more locator returns.
   *
   * @param locator a locator Jersey matched, from this node's model
   * @return the next node, never null
   */
  RouteNode afterLocator(ResourceMethod locator) {
    RouteNode next = locators.get(locator);
    if (next != null) {
      return next;
    }
    return table.remember(locators, locator, childFor(locator));
  }

  /**
   * The recorder of a resource method reached through this node's locators.
   *
   * @param method the resource method Jersey matched, from this node's model
   * @return its recorder, or null when the method answers no route of the application (generated
   *     by Jersey, or over the limit of routes discovered at run time)
   */
  RouteRecorder recorderOf(ResourceMethod method) {
    RouteRecorder known = methods.get(method);
    if (known == null) {
      String template =
          RouteTemplate.normalize(
              RouteTemplate.join(rawTemplate, RouteTemplate.within(method, subResourceModel)));
      // Every method of a Jersey resource shares its template, so its siblings name the route
      // exactly as at start-up, whichever HTTP method arrives first.
      RouteRecorder resolved =
          table.discover(template, method.getParent().getResourceMethods(), restricted);
      known = table.remember(methods, method, resolved);
    }
    return known == RouteTable.NO_ROUTE ? null : known;
  }

  /** Remembers a method declared at start-up. */
  void declare(ResourceMethod method, RouteRecorder recorder) {
    methods.put(method, recorder);
  }

  /** Remembers a locator declared at start-up and returns its node. */
  RouteNode declareLocator(ResourceMethod locator) {
    return locators.computeIfAbsent(locator, this::childFor);
  }

  private RouteNode childFor(ResourceMethod locator) {
    String locatorTemplate =
        RouteTemplate.join(rawTemplate, RouteTemplate.within(locator, subResourceModel));
    return new RouteNode(
        table, locatorTemplate, true, restricted || table.protects(locator));
  }
}
