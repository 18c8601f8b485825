package dev.trafficstatus.notify.email;

/** How the connection to the mail server is protected. */
public enum SmtpSecurity {
  /** Plain connection upgraded with STARTTLS, refused when the server does not offer it (port 587). */
  STARTTLS,
  /** TLS from the first byte (SMTPS, port 465). */
  TLS,
  /** No encryption: only for a relay on this machine or a test server; the password goes in clear. */
  NONE
}
