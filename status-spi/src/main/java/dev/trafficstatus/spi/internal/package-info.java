/**
 * Not part of the plugin contract: the latency histogram's bucket layout, which the core's hot
 * path counts into directly. Plugins use {@link dev.trafficstatus.spi.store.LatencyHistogram}
 * only; a build rule keeps them from importing this package, and it may change in any release.
 */
package dev.trafficstatus.spi.internal;
