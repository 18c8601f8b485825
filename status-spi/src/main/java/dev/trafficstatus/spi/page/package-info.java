/**
 * The page: the model the core computes and the renderer plugin that turns it into a body.
 *
 * <p>The model holds figures only; renderers escape every string they write.
 */
package dev.trafficstatus.spi.page;
