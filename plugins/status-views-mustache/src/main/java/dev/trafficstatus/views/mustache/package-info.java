/**
 * The HTML status page, rendered on the server with mustache.java: {@code type: mustache}.
 *
 * <p>{@link dev.trafficstatus.views.mustache.MustacheRendererFactory} is the only public type. The
 * rest turns the SPI's page model into a view whose every text is already worded (uptime floored,
 * latency in µs/ms/s, dates, tooltips), so the templates only place escaped values, and keeps the
 * style sheet, script and icon in memory for {@link dev.trafficstatus.spi.page.PageRenderer#asset}.
 */
package dev.trafficstatus.views.mustache;
