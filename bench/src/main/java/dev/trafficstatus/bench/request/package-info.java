/**
 * The whole request path of a Dropwizard app in memory (Jetty's {@code LocalConnector}): what the
 * capture costs per request against the same app without it and with {@code @Timed}.
 */
package dev.trafficstatus.bench.request;
