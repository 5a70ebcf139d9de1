package org.careconnect.smart.fhir.validation;

import ca.uhn.fhir.validation.IValidationContext;
import ca.uhn.fhir.validation.IValidatorModule;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.dstu3.model.Base;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Property;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Every identifier with the NHS number system, anywhere in a resource (its own identifiers, a
 * reference's identifier, a contained resource), must carry a valid NHS number: ten digits, the
 * last the Modulus 11 check digit of the first nine (NHS Data Dictionary, "NHS Number"). The
 * profiles only fix the system; a mistyped number would otherwise be stored as someone's identity.
 */
class NhsNumberRule implements IValidatorModule {

  static final String MESSAGE_ID = "CareConnect_NHS_Number_Check_Digit";

  @Override
  public void validateResource(IValidationContext<IBaseResource> context) {
    if (context.getResource() instanceof Base resource) {
      check(resource, resource.fhirType(), context);
    }
  }

  private static void check(Base element, String path, IValidationContext<IBaseResource> context) {
    if (element instanceof Identifier identifier
        && NhsNumber.SYSTEM.equals(identifier.getSystem())
        && !NhsNumber.isValid(identifier.getValue())) {
      context.addValidationMessage(failure(path + ".value", identifier.getValue()));
    }
    for (Property property : element.children()) {
      List<Base> values = property.getValues();
      boolean repeats = property.getMaxCardinality() > 1;
      for (int i = 0; i < values.size(); i++) {
        Base value = values.get(i);
        if (value != null) {
          String name = elementName(property.getName(), value);
          check(value, path + "." + name + (repeats ? "[" + i + "]" : ""), context);
        }
      }
    }
  }

  /** A choice element is named after the type it holds ({@code value[x]} -> {@code valueIdentifier}). */
  private static String elementName(String name, Base value) {
    if (!name.endsWith("[x]")) {
      return name;
    }
    String type = value.fhirType();
    return name.substring(0, name.length() - 3) + Character.toUpperCase(type.charAt(0)) + type.substring(1);
  }

  private static SingleValidationMessage failure(String location, String value) {
    SingleValidationMessage message = new SingleValidationMessage();
    message.setSeverity(ResultSeverityEnum.ERROR);
    message.setLocationString(location);
    message.setMessageId(MESSAGE_ID);
    message.setMessage(
        "NHS number '" + (value == null ? "" : value) + "' is not valid: an NHS number ("
            + NhsNumber.SYSTEM + ") is ten digits, the last the Modulus 11 check digit of the first"
            + " nine (NHS Data Dictionary, NHS Number)");
    return message;
  }
}
