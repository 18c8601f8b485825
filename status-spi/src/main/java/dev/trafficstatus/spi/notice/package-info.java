/**
 * Notices: what the page tells people beyond its figures. An incident (opened by the traffic itself
 * or by a person) or a scheduled maintenance, each with a status, an impact, the routes it affects
 * and a timeline of updates. The model follows Atlassian Statuspage's, whose words and states its
 * public API serves.
 */
package dev.trafficstatus.spi.notice;
