/** What {@code bench/startup.sh} starts: the hello-world example without the status bundle. */
package dev.trafficstatus.bench.startup;
