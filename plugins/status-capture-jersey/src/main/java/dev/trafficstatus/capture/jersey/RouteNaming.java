package dev.trafficstatus.capture.jersey;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.spi.capture.StatusRoute;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.glassfish.jersey.server.model.Invocable;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Names a route after the resource methods that answer it, as FlaskStatus named a route after its
 * docstring's {@code # Name} or else its endpoint function.
 *
 * <p>A template is one route however many HTTP methods it has (the route key has no HTTP method),
 * so one of its methods lends the route its name: the first method with its own
 * {@link StatusRoute}, else the {@code GET}, else the next by {@link #HTTP_METHOD_ORDER}, ties
 * broken by Java method name, so the choice never depends on reflection order. Methods Jersey
 * generated itself (the automatic {@code OPTIONS}) never lend a name.
 */
final class RouteNaming {

  /** Which HTTP method names a route first: reads before writes. */
  private static final List<String> HTTP_METHOD_ORDER =
      List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

  private static final String INFLECTOR = "org.glassfish.jersey.process.Inflector";

  private static final Comparator<ResourceMethod> NAMING_ORDER =
      Comparator.<ResourceMethod, Boolean>comparing(m -> methodAnnotation(m).isEmpty())
          .thenComparingInt(RouteNaming::httpMethodRank)
          .thenComparing(m -> m.getInvocable().getHandlingMethod().getName())
          .thenComparing(m -> handlerClass(m).getName());

  private RouteNaming() {}

  /**
   * Describes the route the given methods answer.
   *
   * @param key the route
   * @param methods every resource method known to answer it
   * @param restricted whether the host protects any of them ({@link RouteProtection})
   * @return the descriptor, or empty when Jersey generated all of them (such as the WADL resource):
   *     those are no route of the application
   */
  static Optional<RouteDescriptor> describe(
      RouteKey key, Collection<ResourceMethod> methods, boolean restricted) {
    return methods.stream()
        .filter(m -> !m.isExtended())
        .min(NAMING_ORDER)
        .map(m -> describe(key, m, restricted));
  }

  private static RouteDescriptor describe(RouteKey key, ResourceMethod method, boolean restricted) {
    Optional<StatusRoute> annotation = methodAnnotation(method).or(() -> classAnnotation(method));
    String name =
        annotation
            .map(StatusRoute::value)
            .orElseGet(() -> inflected(method) ? key.rule() : method.getInvocable().getHandlingMethod().getName());
    String doc = annotation.map(StatusRoute::doc).orElse("");
    return new RouteDescriptor(key, name, doc, group(method), restricted);
  }

  /**
   * The annotation on the Java method. Jersey calls the method of the handler class (the handling
   * method) but reads JAX-RS annotations where they are declared, possibly an interface (the
   * definition method); users put {@link StatusRoute} next to {@code @GET}, so both are looked at.
   */
  private static Optional<StatusRoute> methodAnnotation(ResourceMethod method) {
    Invocable invocable = method.getInvocable();
    return usable(invocable.getHandlingMethod())
        .or(() -> usable(invocable.getDefinitionMethod()));
  }

  private static Optional<StatusRoute> usable(Method method) {
    return usable(method.getAnnotation(StatusRoute.class));
  }

  private static Optional<StatusRoute> classAnnotation(ResourceMethod method) {
    return usable(handlerClass(method).getAnnotation(StatusRoute.class))
        .or(
            () ->
                usable(
                    method
                        .getInvocable()
                        .getDefinitionMethod()
                        .getDeclaringClass()
                        .getAnnotation(StatusRoute.class)));
  }

  /**
   * A blank name would be refused by {@link RouteDescriptor}; a slip in a label must not stop the
   * host application, so a blank annotation counts as none and the method name is used.
   */
  private static Optional<StatusRoute> usable(StatusRoute annotation) {
    return Optional.ofNullable(annotation).filter(a -> !a.value().isBlank());
  }

  /**
   * Whether the method is a resource built in code ({@code Resource.builder(...).handledBy(...)}):
   * Jersey calls its {@code Inflector.apply}, a name that says nothing, so the path names it.
   */
  private static boolean inflected(ResourceMethod method) {
    return method.getInvocable().getDefinitionMethod().getDeclaringClass().getName().equals(INFLECTOR);
  }

  /**
   * The resource class answering, for locators the sub-resource class, not the locator's; for a
   * lambda (a hidden class without a name a person can read) the class that wrote it.
   */
  private static String group(ResourceMethod method) {
    Class<?> answering = handlerClass(method);
    Class<?> handler = answering.isHidden() || answering.isSynthetic() ? answering.getNestHost() : answering;
    String simple = handler.getSimpleName();
    return simple.isEmpty() ? handler.getName() : simple;
  }

  private static Class<?> handlerClass(ResourceMethod method) {
    return method.getInvocable().getHandler().getHandlerClass();
  }

  private static int httpMethodRank(ResourceMethod method) {
    String httpMethod = method.getHttpMethod();
    int rank = httpMethod == null ? -1 : HTTP_METHOD_ORDER.indexOf(httpMethod);
    return rank < 0 ? HTTP_METHOD_ORDER.size() : rank;
  }
}
