/**
 * Storage: the plugin that keeps routes, per-minute buckets and per-day rollups.
 *
 * <p>Rows grow with routes × time, never with requests: each process writes at most one
 * {@link dev.trafficstatus.spi.store.MinuteBucket} per route per minute, with replace semantics,
 * and closed days are merged into one {@link dev.trafficstatus.spi.store.DayBucket} per route.
 */
package dev.trafficstatus.spi.store;
