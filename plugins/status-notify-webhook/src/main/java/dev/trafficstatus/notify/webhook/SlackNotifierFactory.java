package dev.trafficstatus.notify.webhook;

import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.trafficstatus.spi.notify.NotifierContext;

/**
 * Posts a message to a Slack incoming webhook ({@code type: slack}): the notice's title linked to
 * its page, status and impact, the update, the affected routes, in the impact's colour ({@link
 * SlackMessage}). The webhook URL is the secret.
 *
 * <pre>{@code
 * notifications:
 *   notifiers:
 *     - type: slack
 *       url: ${SLACK_WEBHOOK_URL}
 * }</pre>
 */
@JsonTypeName(SlackNotifierFactory.NAME)
public final class SlackNotifierFactory extends HookNotifierFactory {

  /** The {@code type:} of this notifier in configuration. */
  public static final String NAME = "slack";

  /** Creates the factory with nothing configured. */
  public SlackNotifierFactory() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  HookMessage message(NotifierContext context) {
    return new SlackMessage();
  }
}
