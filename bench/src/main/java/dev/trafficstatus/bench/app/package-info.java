/** The Dropwizard app the wrk comparison loads (see {@code bench/wrk-capture.sh}). */
package dev.trafficstatus.bench.app;
