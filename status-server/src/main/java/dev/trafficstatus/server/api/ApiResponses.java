package dev.trafficstatus.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The configure API's JSON answers, written by a mapper of our own so a host app's ObjectMapper
 * settings never change their shape, and never cached: they answer for a moment of the routes
 * table.
 */
final class ApiResponses {

  private static final ObjectWriter JSON = new ObjectMapper().writer();

  private ApiResponses() {}

  /**
   * A success.
   *
   * @param body what to write as JSON
   * @return a 200 response
   */
  static Response ok(Object body) {
    return json(Response.Status.OK, body).build();
  }

  /**
   * A refusal, as FlaskStatus answered: a JSON object whose {@code error} says what is wrong.
   *
   * @param status the 4xx (or 503) status
   * @param message what is wrong, fit for the client: no internals, input echoed only when printable
   * @return the response, to which headers may still be added
   */
  static Response.ResponseBuilder error(Response.StatusType status, String message) {
    return json(status, Map.of("error", message));
  }

  /**
   * Marks an answer given before the request's body was read to its end. The server then closes
   * the connection rather than read the rest; saying so up front keeps a client from sending its
   * next request on a connection that is about to close (Java's HttpClient would report "no bytes"
   * instead of the answer).
   *
   * @param response the answer
   * @return the same builder
   */
  static Response.ResponseBuilder closeUnreadBody(Response.ResponseBuilder response) {
    return response.header("Connection", "close");
  }

  private static Response.ResponseBuilder json(Response.StatusType status, Object body) {
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    noStore.setNoTransform(false);
    try {
      return Response.status(status)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(JSON.writeValueAsBytes(body))
          .cacheControl(noStore)
          .header("X-Content-Type-Options", "nosniff");
    } catch (JsonProcessingException bug) {
      throw new IllegalStateException("API answer could not be written as JSON", bug);
    }
  }

  /**
   * Client input as it may appear in an error: quoted, at most 60 characters, with control,
   * format (bidi overrides, zero-width) and unpaired surrogate characters shown as {@code ?}, so an
   * echoed value can neither break a log line nor reorder the text around it.
   *
   * @param given what the client sent
   * @return the printable form
   */
  static String printable(String given) {
    // Code points, not chars: a cut through a surrogate pair could not be written as JSON.
    String clean = given.replaceAll("[\\p{Cc}\\p{Cf}\\p{Cs}]", "?");
    int max = 60;
    if (clean.codePointCount(0, clean.length()) <= max) {
      return "'" + clean + "'";
    }
    return "'" + clean.substring(0, clean.offsetByCodePoints(0, max)) + "…'";
  }
}
