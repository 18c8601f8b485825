package dev.trafficstatus.server.testapp;

import dev.trafficstatus.server.StatusConfiguration;

/** A host app's configuration that embeds the status block, as a user's would. */
public class ShopConfiguration extends StatusConfiguration {}
