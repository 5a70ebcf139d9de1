package org.careconnect.smart.fhir.request;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.util.regex.Pattern;

/**
 * One streaming pass over a JSON body, before HAPI parses it: refuses JSON that is not well formed
 * or nests deeper than the limit. Streaming keeps the pass itself flat, whatever the depth.
 */
final class JsonBodyScan {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final Pattern SOURCE = Pattern.compile("\\[Source: [^;]*; ");

  private JsonBodyScan() {}

  /** Returns the resource's own {@code id} (at the top level), or null when it has none. */
  static String check(Reader body, int maxDepth) {
    try (JsonParser parser = FACTORY.createParser(body)) {
      String rootId = null;
      boolean atRootId = false;
      int depth = 0;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (atRootId && token == JsonToken.VALUE_STRING) {
          rootId = parser.getText();
        }
        atRootId = depth == 1 && token == JsonToken.FIELD_NAME && "id".equals(parser.currentName());
        if (token.isStructStart()) {
          if (++depth > maxDepth) {
            throw BodyLimits.tooDeep("JSON", maxDepth, where(parser.currentLocation()));
          }
        } else if (token.isStructEnd()) {
          depth--;
        }
      }
      return rootId;
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException(
          "The body is not well-formed JSON: " + withoutSource(e.getOriginalMessage()) + where(e.getLocation()));
    } catch (IOException e) {
      throw new InvalidRequestException("The body could not be read as JSON: " + e.getMessage());
    }
  }

  /** Jackson names the (redacted) source inside some locations; only line and column help. */
  private static String withoutSource(String message) {
    return message == null ? "" : SOURCE.matcher(message).replaceAll("[");
  }

  private static String where(JsonLocation location) {
    return location == null
        ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
