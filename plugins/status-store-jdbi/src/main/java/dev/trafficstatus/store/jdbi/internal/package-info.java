/**
 * The store's machinery: SQL per dialect, schema migration, rollups and retention, notices and the
 * outbox, exclusive duties. Not API; may change in any release.
 */
package dev.trafficstatus.store.jdbi.internal;
