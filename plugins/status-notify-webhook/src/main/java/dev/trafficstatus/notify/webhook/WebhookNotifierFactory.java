package dev.trafficstatus.notify.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.trafficstatus.spi.notify.NotifierContext;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * Posts each event as JSON ({@code type: webhook}), signed with HMAC-SHA256 ({@link SignedEvent}).
 *
 * <pre>{@code
 * notifications:
 *   notifiers:
 *     - type: webhook
 *       name: ops                        # receiver "webhook:ops"
 *       url: https://ops.example.com/hooks/status
 *       secret: ${STATUS_WEBHOOK_SECRET} # 16 or more characters, from the environment
 *       events: [incident.opened, incident.resolved]   # optional; all by default
 *       routes: [/checkout]                             # optional; all by default
 * }</pre>
 */
@JsonTypeName(WebhookNotifierFactory.NAME)
public final class WebhookNotifierFactory extends HookNotifierFactory {

  /** The {@code type:} of this notifier in configuration. */
  public static final String NAME = "webhook";

  /** The shortest secret accepted. */
  public static final int MIN_SECRET_LENGTH = 16;

  @NotNull private String secret;

  /** Creates the factory with nothing configured. */
  public WebhookNotifierFactory() {}

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Sets the signing secret, checked at once; never serialized, shown or logged.
   *
   * @param secret at least {@value #MIN_SECRET_LENGTH} characters
   * @throws IllegalArgumentException when shorter; the message does not repeat it
   */
  @JsonProperty(value = "secret", access = JsonProperty.Access.WRITE_ONLY)
  public void setSecret(String secret) {
    if (secret != null && !unreplaced(secret).isEmpty()) {
      throw new IllegalArgumentException("secret" + unreplaced(secret));
    }
    if (secret != null && secret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          "secret must be at least " + MIN_SECRET_LENGTH + " characters");
    }
    this.secret = secret;
  }

  @Override
  HookMessage message(NotifierContext context) {
    if (secret == null) {
      throw new IllegalArgumentException(receiver() + ": secret is required");
    }
    return new SignedEvent(secret, context.clock());
  }

  @Override
  List<String> secrets() {
    return secret == null ? List.of() : List.of(secret);
  }
}
