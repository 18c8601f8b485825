package dev.trafficstatus.server.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * {@code status.api}: the configure API that renames, re-documents, deletes and restores routes,
 * authorised by {@code Authorization: Bearer <secret>} (FlaskStatus's {@code API_ENABLED} and {@code
 * API_SECRET}). Off unless enabled; then it needs a secret of at least {@value #MIN_SECRET_LENGTH}
 * characters, which should come from the environment ({@code ${STATUS_API_SECRET}}).
 *
 * <p>The secret is write-only: it is never serialised back, never in {@link #toString()}, and no
 * validation message repeats it.
 */
public class ApiFactory {

  /** The shortest secret accepted: FlaskStatus's documented example has 16 characters. */
  public static final int MIN_SECRET_LENGTH = 16;

  private boolean enabled;

  @NotNull
  @Pattern(
      regexp = "(/[A-Za-z0-9._~-]+)+",
      message = "must be an absolute path such as /flask-status/configure, without a trailing slash")
  private String path = "/flask-status/configure";

  private String secret;

  /** Whether the API is served; when false its paths answer 404 like any unknown path. */
  @JsonProperty
  public boolean isEnabled() {
    return enabled;
  }

  @JsonProperty
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** Where the API is served; {@code <path>/restore} brings deleted routes back. */
  @JsonProperty
  public String getPath() {
    return path;
  }

  @JsonProperty
  public void setPath(String path) {
    this.path = path;
  }

  /**
   * The bearer token clients send. Not a Jackson property getter: it is never written out.
   *
   * @return the secret, or null when none is configured
   */
  @JsonIgnore
  public String getSecret() {
    return secret;
  }

  @JsonProperty("secret")
  public void setSecret(String secret) {
    this.secret = secret;
  }

  /**
   * An enabled API needs a secret that is long enough and that an HTTP header can carry exactly.
   * The message says which key to set, never what it holds.
   *
   * @return whether the secret is acceptable (always true when the API is off)
   */
  @JsonIgnore
  @ValidationMethod(
      message =
          "status.api.secret must be at least 16 printable ASCII characters without spaces when"
              + " status.api.enabled is true; set it from the environment, for example"
              + " STATUS_API_SECRET=$(openssl rand -hex 32)")
  public boolean isSecretUsable() {
    if (!enabled) {
      return true;
    }
    if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
      return false;
    }
    return secret.chars().allMatch(c -> c > 0x20 && c < 0x7f);
  }

  @Override
  public String toString() {
    return "ApiFactory[enabled="
        + enabled
        + ", path="
        + path
        + ", secret="
        + (secret == null || secret.isEmpty() ? "none" : "(redacted)")
        + "]";
  }
}
