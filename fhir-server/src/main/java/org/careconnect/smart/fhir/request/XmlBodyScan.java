package org.careconnect.smart.fhir.request;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.io.Reader;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One streaming pass over an XML body, before HAPI parses it: refuses a DOCTYPE, an entity
 * reference, XML that is not well formed, and nesting deeper than the limit.
 *
 * <p>Why refuse a DOCTYPE rather than ignore it: FHIR XML never needs one, and a DTD is how XML
 * external entity (XXE) and entity expansion ("billion laughs") attacks arrive; the FHIR XML
 * format asks implementers to configure parsers to ignore XML entities (FHIR STU3 xml.html, and
 * OWASP's XXE prevention guide). The scanning parser itself is configured to resolve nothing: no
 * DTD support, no external entities, so the pass that looks for the DOCTYPE cannot be the one
 * that falls for it.
 */
final class XmlBodyScan {

  private static final XMLInputFactory FACTORY = hardenedFactory();

  private XmlBodyScan() {}

  /** Returns the resource's own {@code <id value>} (a child of the root), or null when none. */
  static String check(Reader body, int maxDepth) {
    XMLStreamReader reader = null;
    try {
      reader = FACTORY.createXMLStreamReader(body);
      String rootId = null;
      int depth = 0;
      while (reader.hasNext()) {
        switch (reader.next()) {
          case XMLStreamConstants.DTD -> throw new InvalidRequestException(
              "XML with a DOCTYPE is refused: FHIR XML has no DTD, and DTDs carry entity attacks"
                  + where(reader.getLocation()));
          case XMLStreamConstants.ENTITY_REFERENCE -> throw new InvalidRequestException(
              "XML entity '&" + reader.getLocalName() + ";' is refused: FHIR XML uses only the"
                  + " predefined XML entities" + where(reader.getLocation()));
          case XMLStreamConstants.START_ELEMENT -> {
            if (++depth > maxDepth) {
              throw BodyLimits.tooDeep("XML", maxDepth, where(reader.getLocation()));
            }
            if (depth == 2 && "id".equals(reader.getLocalName())) {
              rootId = reader.getAttributeValue(null, "value");
            }
          }
          case XMLStreamConstants.END_ELEMENT -> depth--;
          default -> {
            // text, comments, processing instructions: nothing to check
          }
        }
      }
      return rootId;
    } catch (XMLStreamException e) {
      throw new InvalidRequestException(
          "The body is not well-formed XML: " + firstLine(e.getMessage()) + where(e.getLocation()));
    } finally {
      close(reader);
    }
  }

  private static XMLInputFactory hardenedFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setXMLResolver(
        (publicId, systemId, base, namespace) -> {
          throw new XMLStreamException("External resource '" + systemId + "' is never fetched");
        });
    return factory;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static String where(Location location) {
    return location == null || location.getLineNumber() < 0
        ? ""
        : " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
  }

  private static void close(XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException e) {
        // nothing was resolved or stored; the outcome is already decided
      }
    }
  }
}
