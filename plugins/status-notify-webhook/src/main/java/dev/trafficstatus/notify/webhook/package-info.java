/**
 * Notifiers over HTTP ({@code type: webhook}, {@code slack}, {@code discord}): each event POSTed as
 * signed JSON to a URL of the operator's, or as a chat message to a Slack or Discord incoming
 * webhook. HTTP is the JDK's client, the signature the JDK's HMAC-SHA256; URLs are checked at
 * start-up (https, or http to a loopback address only), and neither they nor secrets appear in a
 * description, a log line or the delivery log.
 */
package dev.trafficstatus.notify.webhook;
