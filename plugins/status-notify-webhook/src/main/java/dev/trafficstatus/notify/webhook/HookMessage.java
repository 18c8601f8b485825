package dev.trafficstatus.notify.webhook;

import dev.trafficstatus.spi.notify.Notification;
import java.util.Map;

/** What a notifier posts for a notification: the body and the headers beside the common ones. */
interface HookMessage {

  /**
   * The JSON body.
   *
   * @param notification the notification
   * @return the body
   */
  String body(Notification notification);

  /**
   * Headers of this kind of message, computed from the body about to be sent.
   *
   * @param notification the notification
   * @param body the body
   * @return the headers, possibly none
   */
  Map<String, String> headers(Notification notification, String body);
}
