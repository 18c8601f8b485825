package dev.trafficstatus.capture.jersey;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;
import java.util.stream.Stream;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.AnnotatedMethod;
import org.glassfish.jersey.server.model.Invocable;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Tells which resource methods the host protects, so their routes are declared restricted: counted
 * like any other, but kept off the public page unless their owner names them.
 *
 * <p>A method is protected when
 *
 * <ul>
 *   <li>one of its parameters is annotated with Dropwizard's {@code @Auth} (an {@code
 *       Optional} principal too: what such a route answers depends on who asks);
 *   <li>it is annotated {@link RolesAllowed} or {@link DenyAll};
 *   <li>its class is annotated {@link RolesAllowed} or {@link DenyAll}, unless the method is
 *       annotated {@link PermitAll}, which overrides the class as in JAX-RS;
 *   <li>or the application registered dropwizard-auth's {@code AuthDynamicFeature} and the method
 *       or its class is annotated {@link PermitAll}: that feature then authenticates every request
 *       to the method, so in a Dropwizard application {@code @PermitAll} means "any signed-in
 *       user", not "anyone".
 * </ul>
 *
 * <p>Annotations are read where Jersey reads them: on the method that handles the request, on the
 * method that declares it (an interface) and what they override, and on both their classes. A class
 * {@code @DenyAll} counts although neither Jersey's {@code RolesAllowedDynamicFeature} nor
 * dropwizard-auth enforces it: whoever wrote it meant the class closed, and a route wrongly kept
 * off the page harms less than one wrongly shown. Sub-resource locators are judged by the same
 * rules, and every route below a protected locator is restricted, for the same reason.
 *
 * <p>dropwizard-auth is found by class name, so the capture works in applications without it.
 */
final class RouteProtection {

  private static final String AUTH_ANNOTATION = "io.dropwizard.auth.Auth";

  private static final String AUTH_FEATURE = "io.dropwizard.auth.AuthDynamicFeature";

  private final boolean permitAllAuthenticates;

  /**
   * @param permitAllAuthenticates whether {@link PermitAll} makes the host authenticate the
   *     request, as dropwizard-auth's {@code AuthDynamicFeature} does
   */
  RouteProtection(boolean permitAllAuthenticates) {
    this.permitAllAuthenticates = permitAllAuthenticates;
  }

  /**
   * The protection rules of an application, from what it registered.
   *
   * @param config the application's Jersey configuration, or null when unknown
   * @return its rules
   */
  static RouteProtection of(ResourceConfig config) {
    if (config == null) {
      return new RouteProtection(false);
    }
    boolean dropwizardAuth =
        Stream.concat(
                config.getInstances().stream().map(Object::getClass),
                config.getClasses().stream())
            .anyMatch(RouteProtection::isAuthFeature);
    return new RouteProtection(dropwizardAuth);
  }

  /**
   * Whether the host protects a resource method or sub-resource locator.
   *
   * @param method as Jersey modelled it
   * @return whether requests to it need authentication or a role
   */
  boolean protects(ResourceMethod method) {
    Invocable invocable = method.getInvocable();
    Method handling = invocable.getHandlingMethod();
    Method definition = invocable.getDefinitionMethod();
    List<AnnotatedMethod> methods =
        List.of(new AnnotatedMethod(handling), new AnnotatedMethod(definition));
    List<Class<?>> classes =
        List.of(invocable.getHandler().getHandlerClass(), definition.getDeclaringClass());
    if (methods.stream().anyMatch(RouteProtection::hasAuthParameter)) {
      return true;
    }
    if (anyAnnotated(methods, RolesAllowed.class) || anyAnnotated(methods, DenyAll.class)) {
      return true;
    }
    boolean permitAll = anyAnnotated(methods, PermitAll.class);
    boolean classClosed =
        anyAnnotated(classes, RolesAllowed.class) || anyAnnotated(classes, DenyAll.class);
    if (classClosed && !permitAll) {
      return true;
    }
    return permitAllAuthenticates && (permitAll || anyAnnotated(classes, PermitAll.class));
  }

  private static boolean hasAuthParameter(AnnotatedMethod method) {
    for (Annotation[] parameter : method.getParameterAnnotations()) {
      for (Annotation annotation : parameter) {
        if (annotation.annotationType().getName().equals(AUTH_ANNOTATION)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean anyAnnotated(
      List<? extends AnnotatedElement> elements, Class<? extends Annotation> annotation) {
    return elements.stream().anyMatch(element -> element.isAnnotationPresent(annotation));
  }

  /** dropwizard-auth's feature or a subclass of it, found by name. */
  private static boolean isAuthFeature(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.getName().equals(AUTH_FEATURE)) {
        return true;
      }
    }
    return false;
  }
}
