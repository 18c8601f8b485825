/**
 * The SQL store plugin: {@link dev.trafficstatus.store.jdbi.JdbiStoreFactory} ({@code type: jdbi})
 * keeps routes, minute buckets and day rollups in H2 or PostgreSQL through JDBI, with a Liquibase
 * changelog of its own. Classes under {@code internal} are not API.
 */
package dev.trafficstatus.store.jdbi;
