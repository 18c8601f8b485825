package dev.trafficstatus.core.flush;

import java.time.Duration;
import java.time.Instant;

/**
 * The flusher's figures, for metrics and health checks.
 *
 * @param capturedRequests requests harvested from the counters since start
 * @param writtenBuckets minute buckets the store accepted since start
 * @param pendingBuckets buckets waiting for the store now
 * @param droppedBuckets buckets dropped because the pending bound was reached
 * @param droppedRequests requests in those dropped buckets
 * @param failedWrites store calls that failed since start
 * @param lastSuccess when the store last accepted a flush, or null when never
 * @param lastDuration how long the last flush took
 */
public record FlushStats(
    long capturedRequests,
    long writtenBuckets,
    int pendingBuckets,
    long droppedBuckets,
    long droppedRequests,
    long failedWrites,
    Instant lastSuccess,
    Duration lastDuration) {}
