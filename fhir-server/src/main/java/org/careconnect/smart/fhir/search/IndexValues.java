package org.careconnect.smart.fhir.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.dstu3.model.Address;
import org.hl7.fhir.dstu3.model.Base;
import org.hl7.fhir.dstu3.model.BaseDateTimeType;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.Enumeration;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.PrimitiveType;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.StringType;
import org.careconnect.smart.fhir.store.SearchValue;

/**
 * Turns FHIR elements into the values a search parameter of each type matches, following the
 * STU3 rules of which element types a token, string, date or reference parameter may point to.
 */
public final class IndexValues {

  private IndexValues() {}

  public static List<SearchValue.Token> tokens(Base element) {
    List<SearchValue.Token> out = new ArrayList<>();
    if (element instanceof Identifier identifier) {
      if (identifier.hasValue()) {
        out.add(new SearchValue.Token(identifier.getSystem(), identifier.getValue()));
      }
    } else if (element instanceof CodeableConcept concept) {
      concept.getCoding().forEach(coding -> out.addAll(tokens(coding)));
    } else if (element instanceof Coding coding) {
      if (coding.hasCode()) {
        out.add(new SearchValue.Token(coding.getSystem(), coding.getCode()));
      }
    } else if (element instanceof ContactPoint contact) {
      if (contact.hasValue()) {
        String system = contact.hasSystem() ? contact.getSystem().toCode() : null;
        out.add(new SearchValue.Token(system, contact.getValue()));
      }
    } else if (element instanceof Enumeration<?> code) {
      if (code.hasValue()) {
        out.add(new SearchValue.Token(code.toSystem(), code.getValueAsString()));
      }
    } else if (element instanceof BooleanType bool) {
      if (bool.hasValue()) {
        out.add(new SearchValue.Token(null, bool.getValueAsString()));
      }
    } else if (element instanceof PrimitiveType<?> primitive && primitive.hasValue()) {
      out.add(new SearchValue.Token(null, primitive.getValueAsString()));
    }
    return out;
  }

  public static List<String> strings(Base element) {
    List<String> out = new ArrayList<>();
    if (element instanceof HumanName name) {
      addIfPresent(out, name.getFamily());
      name.getGiven().forEach(given -> addIfPresent(out, given.getValue()));
      name.getPrefix().forEach(prefix -> addIfPresent(out, prefix.getValue()));
      name.getSuffix().forEach(suffix -> addIfPresent(out, suffix.getValue()));
      addIfPresent(out, name.getText());
    } else if (element instanceof Address address) {
      address.getLine().forEach(line -> addIfPresent(out, line.getValue()));
      addIfPresent(out, address.getCity());
      addIfPresent(out, address.getDistrict());
      addIfPresent(out, address.getState());
      addIfPresent(out, address.getPostalCode());
      addIfPresent(out, address.getCountry());
      addIfPresent(out, address.getText());
    } else if (element instanceof StringType string) {
      addIfPresent(out, string.getValue());
    } else if (element instanceof PrimitiveType<?> primitive) {
      addIfPresent(out, primitive.getValueAsString());
    }
    return out;
  }

  /** {@code [low, high]} in epoch ms, or null when the element holds no date. */
  public static long[] dateRange(Base element) {
    if (element instanceof BaseDateTimeType date && date.getValue() != null) {
      return DateBounds.of(date);
    }
    if (element instanceof Period period && (period.hasStart() || period.hasEnd())) {
      long low = period.hasStart() ? DateBounds.of(period.getStartElement())[0] : Long.MIN_VALUE;
      long high = period.hasEnd() ? DateBounds.of(period.getEndElement())[1] : Long.MAX_VALUE;
      return new long[] {low, high};
    }
    return null;
  }

  /** The local target of a reference ({@code Type/id}, or an absolute URL ending so), or null. */
  public static SearchValue.Ref reference(Base element) {
    if (element instanceof Reference reference && reference.hasReference()) {
      IdType id = new IdType(reference.getReference());
      if (id.hasResourceType() && id.hasIdPart()) {
        return new SearchValue.Ref(id.getResourceType(), id.getIdPart());
      }
    }
    return null;
  }

  /** The form strings are compared in: lower case, accents removed, white space folded. */
  public static String normalize(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    return decomposed
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("\\s+", " ")
        .trim();
  }

  private static void addIfPresent(List<String> out, String value) {
    if (value != null && !value.isBlank()) {
      out.add(value);
    }
  }
}
