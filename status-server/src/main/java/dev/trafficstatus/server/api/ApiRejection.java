package dev.trafficstatus.server.api;

import jakarta.ws.rs.core.Response;

/**
 * A request the configure API refuses, with the status and the message the client gets. Checked,
 * so every refusal is answered by the resource itself and none reaches the host's exception
 * mappers.
 */
final class ApiRejection extends Exception {

  private static final long serialVersionUID = 1L;

  private final Response.Status status;

  /**
   * @param status the 4xx status
   * @param message what is wrong, fit for the client
   */
  ApiRejection(Response.Status status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /**
   * A body declared or found larger than the API reads.
   *
   * @return the 413 refusal
   */
  static ApiRejection tooLarge() {
    return new ApiRejection(
        Response.Status.REQUEST_ENTITY_TOO_LARGE,
        "Body too large: at most " + ApiRequestReader.MAX_BODY_BYTES + " bytes");
  }

  /** The refusal as the client gets it. */
  Response response() {
    Response.ResponseBuilder response = ApiResponses.error(status, getMessage());
    if (status == Response.Status.REQUEST_ENTITY_TOO_LARGE || status == Response.Status.UNSUPPORTED_MEDIA_TYPE) {
      ApiResponses.closeUnreadBody(response);
    }
    return response.build();
  }
}
