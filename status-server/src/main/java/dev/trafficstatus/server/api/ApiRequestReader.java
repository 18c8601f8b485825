package dev.trafficstatus.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a configure API body into one of its request records, strictly and with bounded memory:
 * at most {@value #MAX_BODY_BYTES} bytes are read, the JSON must be one object whose fields are the
 * record's (by their {@code @JsonProperty} names) and whose values are strings or null (lists and
 * objects of strings where the record says so), and nothing is coerced (a number is not a name).
 * The mapper is ours, so a host app's ObjectMapper settings never change what is accepted.
 *
 * <p>Every refusal is an {@link ApiRejection} whose message says what is wrong in the client's
 * terms; parser messages, which quote the body and name Java types, are never passed on.
 */
final class ApiRequestReader {

  /**
   * The largest body read: more than the longest valid request, however it is escaped (an update
   * of 10,000 characters written as {@code \\uXXXX} pairs is 120,000 bytes).
   */
  static final int MAX_BODY_BYTES = 128 * 1024;

  private static final JsonMapper STRICT =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(16)
                          .maxNumberLength(100)
                          .maxStringLength(MAX_BODY_BYTES)
                          .build())
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .withCoercionConfig(
              LogicalType.Textual,
              config ->
                  config
                      .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail))
          .build();

  private ApiRequestReader() {}

  /**
   * Reads a body.
   *
   * @param headers the request's headers (Content-Type and Content-Length are checked)
   * @param body the request's body
   * @param type the request record
   * @param example a valid body, quoted when the body is not a JSON object
   * @param <T> the record type
   * @return the request; an empty body reads as {@code {}}
   * @throws ApiRejection 413, 415 or 400, saying why
   */
  static <T extends Record> T read(HttpHeaders headers, InputStream body, Class<T> type, String example)
      throws ApiRejection {
    requireJson(headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
    byte[] bytes = boundedBytes(declaredLength(headers.getHeaderString(HttpHeaders.CONTENT_LENGTH)), body);
    ObjectReader reader = STRICT.readerFor(type);
    try {
      T value = reader.readValue(isBlank(bytes) ? new byte[] {'{', '}'} : bytes);
      if (value == null) {
        throw notAnObject(example);
      }
      return value;
    } catch (UnrecognizedPropertyException unknown) {
      throw new ApiRejection(
          Response.Status.BAD_REQUEST,
          "Unknown field " + ApiResponses.printable(String.valueOf(unknown.getPropertyName()))
              + ": this request takes " + fieldsOf(type));
    } catch (MismatchedInputException mismatch) {
      List<JsonMappingException.Reference> path = mismatch.getPath();
      if (path.isEmpty() || path.get(0).getFieldName() == null) {
        throw notAnObject(example);
      }
      throw new ApiRejection(
          Response.Status.BAD_REQUEST, path.get(0).getFieldName() + " must be " + shapeOf(type, path.get(0).getFieldName()));
    } catch (JacksonException malformed) {
      throw notJson(malformed);
    } catch (IOException unreadable) {
      throw new ApiRejection(Response.Status.BAD_REQUEST, "Body is not valid JSON text");
    }
  }

  /** No Content-Type is taken as JSON (FlaskStatus's clients always send one); any other type is not. */
  private static void requireJson(String contentType) throws ApiRejection {
    if (contentType == null || contentType.isBlank()) {
      return;
    }
    MediaType type;
    try {
      type = MediaType.valueOf(contentType);
    } catch (IllegalArgumentException unparseable) {
      type = MediaType.WILDCARD_TYPE;
    }
    String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
    if (!"application".equalsIgnoreCase(type.getType())
        || !(subtype.equals("json") || subtype.endsWith("+json"))) {
      throw new ApiRejection(
          Response.Status.UNSUPPORTED_MEDIA_TYPE,
          "Content-Type must be application/json (send the body as JSON)");
    }
  }

  /**
   * The length a request declares, read without trusting it: Jersey's own reading takes it as an
   * int and throws on a larger value (an unauthenticated 500 with a stack trace, before).
   *
   * @param contentLength the Content-Length header, possibly null or malformed
   * @return the length; -1 when none is declared; {@link Long#MAX_VALUE} when it is unreadable or
   *     beyond a long, which every caller refuses as too large
   */
  static long declaredLength(String contentLength) {
    if (contentLength == null || contentLength.isBlank()) {
      return -1;
    }
    try {
      long length = Long.parseLong(contentLength.strip());
      return length < 0 ? Long.MAX_VALUE : length;
    } catch (NumberFormatException unreadable) {
      return Long.MAX_VALUE;
    }
  }

  private static byte[] boundedBytes(long declaredLength, InputStream body) throws ApiRejection {
    if (declaredLength > MAX_BODY_BYTES) {
      throw ApiRejection.tooLarge();
    }
    byte[] bytes;
    try {
      bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY_BYTES + 1);
    } catch (IOException unreadable) {
      throw new ApiRejection(Response.Status.BAD_REQUEST, "The body could not be read to its end");
    }
    if (bytes.length > MAX_BODY_BYTES) {
      throw ApiRejection.tooLarge();
    }
    return bytes;
  }


  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private static ApiRejection notAnObject(String example) {
    return new ApiRejection(
        Response.Status.BAD_REQUEST, "Body must be one JSON object such as " + example);
  }

  /** A syntax error, wherever Jackson reports it (data binding wraps the parser's exceptions). */
  private static ApiRejection notJson(JacksonException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof StreamConstraintsException) {
        return new ApiRejection(
            Response.Status.BAD_REQUEST, "Body is not a valid request: it nests too deeply or holds"
                + " an over-long number");
      }
      if (cause instanceof StreamReadException read) {
        String original = read.getOriginalMessage();
        if (original != null && original.startsWith("Duplicate field")) {
          return new ApiRejection(
              Response.Status.BAD_REQUEST, "Body is not a valid request: a field appears twice");
        }
        return new ApiRejection(
            Response.Status.BAD_REQUEST, "Body is not valid JSON" + where(read.getLocation()));
      }
    }
    return new ApiRejection(Response.Status.BAD_REQUEST, "Body is not a valid request");
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  /** What a field's value must look like, in JSON's terms. */
  private static String shapeOf(Class<? extends Record> type, String field) {
    for (RecordComponent component : type.getRecordComponents()) {
      if (jsonName(component).equals(field)) {
        if (Map.class.isAssignableFrom(component.getType())) {
          return "an object whose values are strings, or null";
        }
        if (List.class.isAssignableFrom(component.getType())) {
          return "a list of strings, or null";
        }
      }
    }
    return "a string or null";
  }

  private static String jsonName(RecordComponent component) {
    // Read from the accessor: @JsonProperty cannot target a record component itself.
    JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
    return property != null && !property.value().isEmpty() ? property.value() : component.getName();
  }

  private static String fieldsOf(Class<? extends Record> type) {
    List<String> names =
        Arrays.stream(type.getRecordComponents()).map(ApiRequestReader::jsonName).toList();
    return names.size() == 1
        ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }
}
