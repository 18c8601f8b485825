/**
 * Mail to subscribers over SMTP ({@code type: email}): the confirmation mail of the page's
 * subscribe form and incident mails to confirmed subscribers, through Eclipse Angus Mail.
 */
package dev.trafficstatus.notify.email;
