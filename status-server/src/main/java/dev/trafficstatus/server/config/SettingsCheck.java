package dev.trafficstatus.server.config;

import dev.trafficstatus.spi.InvalidSettingException;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** The validator of {@link ValidSettings}. */
public final class SettingsCheck implements ConstraintValidator<ValidSettings, SettingsBlock> {

  @Override
  public boolean isValid(SettingsBlock block, ConstraintValidatorContext context) {
    if (block == null) {
      return true;
    }
    try {
      block.check();
      return true;
    } catch (InvalidSettingException refused) {
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(literal(refused.problem()))
          .addPropertyNode(refused.setting())
          .addConstraintViolation();
      return false;
    } catch (NullPointerException missing) {
      // A required key left empty; its @NotNull constraint reports it.
      return true;
    }
  }

  /** The message as a template that interpolates nothing: values may hold braces or dollars. */
  private static String literal(String message) {
    return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
  }
}
