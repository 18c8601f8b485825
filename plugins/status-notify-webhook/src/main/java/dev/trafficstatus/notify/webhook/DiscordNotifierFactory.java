package dev.trafficstatus.notify.webhook;

import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.trafficstatus.spi.notify.NotifierContext;

/**
 * Posts an embed to a Discord webhook ({@code type: discord}): the notice's title linked to its
 * page, the update, status, impact and affected routes, in the impact's colour ({@link
 * DiscordMessage}). The webhook URL is the secret.
 *
 * <pre>{@code
 * notifications:
 *   notifiers:
 *     - type: discord
 *       url: ${DISCORD_WEBHOOK_URL}
 * }</pre>
 */
@JsonTypeName(DiscordNotifierFactory.NAME)
public final class DiscordNotifierFactory extends HookNotifierFactory {

  /** The {@code type:} of this notifier in configuration. */
  public static final String NAME = "discord";

  /** Creates the factory with nothing configured. */
  public DiscordNotifierFactory() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  HookMessage message(NotifierContext context) {
    return new DiscordMessage();
  }
}
