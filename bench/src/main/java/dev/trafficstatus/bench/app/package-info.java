/**
 * The Dropwizard apps the wrk comparisons load: {@code bench/wrk-capture.sh} (capture overhead) and
 * {@code bench/wrk-page.sh} (the page under a flood of rotating windows).
 */
package dev.trafficstatus.bench.app;
