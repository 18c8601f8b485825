package dev.trafficstatus.server.config;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Validates a {@link SettingsBlock} by building its settings record: what the record refuses is
 * reported against the key it names, such as {@code status.flush.batchSize must be between 1 and
 * 10000, got 20000}, beside Dropwizard's other configuration errors.
 */
@Documented
@Constraint(validatedBy = SettingsCheck.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidSettings {

  /** The message when the record gives none; never used in practice. */
  String message() default "is not a valid setting";

  /** Validation groups. */
  Class<?>[] groups() default {};

  /** Payload. */
  Class<? extends Payload>[] payload() default {};
}
