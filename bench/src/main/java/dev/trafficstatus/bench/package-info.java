/**
 * Benchmarks of the budgets in README.md and docs/ARCHITECTURE.md, run by hand (see BENCHMARKS.md at the repository root):
 * JMH benchmarks of the capture hot path, the flush and the page, the storage footprint, and the
 * app that {@code bench/wrk-capture.sh} loads. The classes here set those up.
 */
package dev.trafficstatus.bench;
