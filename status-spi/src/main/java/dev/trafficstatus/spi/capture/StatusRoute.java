package dev.trafficstatus.spi.capture;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a route on the status page, as FlaskStatus's {@code # Name} docstring did. Put it on a
 * resource method (or on a resource class, for every method in it that has none of its own).
 * Without it, a route is named after its resource method.
 *
 * <pre>{@code
 * @GET
 * @StatusRoute(value = "Hello, World!", doc = "Says hello.")
 * public String hello() { ... }
 * }</pre>
 *
 * <p>Names and docs edited through the configure API take precedence over the annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface StatusRoute {

  /**
   * The display name.
   *
   * @return the name, not blank
   */
  String value();

  /**
   * A longer description shown under the name.
   *
   * @return the description; empty for none
   */
  String doc() default "";
}
