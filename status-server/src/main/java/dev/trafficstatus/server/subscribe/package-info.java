/**
 * The page's subscribe form's target, and the confirmation and unsubscribe links of subscriber
 * mail, served beside the page.
 */
package dev.trafficstatus.server.subscribe;
