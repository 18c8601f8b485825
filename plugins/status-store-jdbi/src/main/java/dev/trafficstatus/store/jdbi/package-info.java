/**
 * The SQL store plugin: {@link dev.trafficstatus.store.jdbi.JdbiStoreFactory} ({@code type: jdbi})
 * keeps routes, minute buckets, hour and day rollups, incidents and maintenances and the outbox of
 * notifications in H2 or PostgreSQL through JDBI, with a Liquibase changelog of its own; it sums
 * any range of minutes and runs exclusive duties across processes. Classes under {@code internal}
 * are not API.
 */
package dev.trafficstatus.store.jdbi;
