package dev.trafficstatus.views.mustache;

import java.util.Objects;

/**
 * What the subscribe page shows: the status page's model, for its title, brand and routes (the
 * form's route picker lists them), and the way back to it.
 *
 * @param pageHref the status page's address
 * @param page the status page's model of the default window
 */
record SubscribePageView(String pageHref, PageView page) {

  SubscribePageView {
    Objects.requireNonNull(pageHref, "pageHref");
    Objects.requireNonNull(page, "page");
  }
}
