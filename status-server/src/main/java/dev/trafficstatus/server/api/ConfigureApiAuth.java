package dev.trafficstatus.server.api;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds {@link BearerTokenAuthFilter} to the configure API's methods and to nothing else: the
 * filter is registered with the host's Jersey, but a name-bound filter runs only for methods that
 * carry the same binding, so the host's own resources and its own authentication are untouched.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ConfigureApiAuth {}
