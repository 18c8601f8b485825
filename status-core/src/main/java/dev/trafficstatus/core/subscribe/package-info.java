/**
 * Subscriptions to incident mail: the page's subscribe form, the confirmation link and the
 * unsubscribe link, over the store's subscribers and a notifier that can mail.
 */
package dev.trafficstatus.core.subscribe;
