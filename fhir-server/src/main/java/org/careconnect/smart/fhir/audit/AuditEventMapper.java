package org.careconnect.smart.fhir.audit;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.hl7.fhir.dstu3.model.AuditEvent;
import org.hl7.fhir.dstu3.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.dstu3.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.dstu3.model.AuditEvent.AuditEventAgentNetworkType;
import org.hl7.fhir.dstu3.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.dstu3.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Reference;

/**
 * An audit record as an STU3 AuditEvent, after the FHIR RESTful audit pattern (STU3
 * auditevent.html §6.4.6.2) and IHE's Basic Audit Log Patterns: the interaction as type and
 * subtype, the user and the client app as agents, the patient and the resource as entities.
 */
final class AuditEventMapper {

  static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
  static final String AUDIT_EVENT_TYPE = "http://hl7.org/fhir/audit-event-type";
  static final String CLIENT_ID_SYSTEM = "urn:ietf:params:oauth:client-id";
  static final String ENTITY_TYPE = "http://hl7.org/fhir/audit-entity-type";
  static final String OBJECT_ROLE = "http://hl7.org/fhir/object-role";
  static final String BALP_ENTITY_TYPE = "https://profiles.ihe.net/ITI/BALP/CodeSystem/BasicAuditEntityType";
  static final String SOURCE_ID = "CareConnect SMART FHIR server";

  private AuditEventMapper() {}

  static AuditEvent toAuditEvent(AuditEventTable.StoredAuditRecord stored) {
    AuditRecord r = stored.record();
    AuditEvent event = new AuditEvent();
    event.setId(Long.toString(stored.pk()));
    event.setType(Interactions.QUERIES.contains(r.interaction())
        ? new Coding(DICOM, "110112", "Query")
        : new Coding(AUDIT_EVENT_TYPE, "rest", "RESTful Operation"));
    event.addSubtype(new Coding(Interactions.SYSTEM, r.interaction(), null));
    if (r.operation() != null) {
      event.addSubtype(new Coding().setCode(r.operation()).setDisplay(r.operation()));
    }
    event.setAction(action(r.interaction()));
    event.setRecorded(new Date(r.recorded()));
    event.setOutcome(AuditEventOutcome.fromCode(r.outcome()));
    event.setOutcomeDesc("HTTP " + r.status());
    event.addAgent(user(r));
    if (r.clientId() != null) {
      event.addAgent(client(r));
    }
    event.getSource().setIdentifier(new Identifier().setValue(SOURCE_ID))
        .addType(new Coding("http://hl7.org/fhir/security-source-type", "4", "Application Server"));
    if (r.patient() != null) {
      event.addEntity()
          .setReference(new Reference("Patient/" + r.patient()))
          .setType(new Coding(ENTITY_TYPE, "1", "Person"))
          .setRole(new Coding(OBJECT_ROLE, "1", "Patient"));
    }
    if (r.resourceType() != null) {
      event.addEntity(resource(r));
    }
    if (r.requestId() != null) {
      event.addEntity()
          .setIdentifier(new Identifier().setValue(r.requestId()))
          .setType(new Coding(BALP_ENTITY_TYPE, "XrequestId", "X-Request-Id"));
    }
    return event;
  }

  /** The user on whose behalf the app acted; for a request without a valid token, an unknown one. */
  private static AuditEventAgentComponent user(AuditRecord r) {
    AuditEventAgentComponent user = new AuditEventAgentComponent().setRequestor(true);
    if (r.fhirUser() != null) {
      user.setReference(new Reference(r.fhirUser()));
    }
    if (r.subject() != null) {
      user.setUserId(new Identifier().setValue(r.subject()));
    }
    if (r.tokenId() != null) {
      // BALP: the access token's id, which links the event to the authorisation server's records
      user.addPolicy(r.tokenId());
    }
    if (r.clientId() == null) {
      network(user, r);
    }
    return user;
  }

  private static AuditEventAgentComponent client(AuditRecord r) {
    AuditEventAgentComponent client = new AuditEventAgentComponent().setRequestor(false);
    client.setUserId(new Identifier().setSystem(CLIENT_ID_SYSTEM).setValue(r.clientId()));
    client.addRole().addCoding(new Coding(DICOM, "110150", "Application"));
    network(client, r);
    return client;
  }

  private static void network(AuditEventAgentComponent agent, AuditRecord r) {
    if (r.clientAddress() != null) {
      agent.getNetwork().setAddress(r.clientAddress()).setType(AuditEventAgentNetworkType._2);
    }
  }

  private static AuditEventEntityComponent resource(AuditRecord r) {
    AuditEventEntityComponent entity = new AuditEventEntityComponent()
        .setType(new Coding(ENTITY_TYPE, "2", "System Object"))
        .setRole(new Coding(OBJECT_ROLE, Interactions.QUERIES.contains(r.interaction()) ? "24" : "4",
            Interactions.QUERIES.contains(r.interaction()) ? "Query" : "Domain Resource"));
    if (r.resourceId() == null) {
      entity.setName(r.resourceType()); // a type-level interaction names no single resource
    } else {
      entity.setReference(new Reference(r.resourceType() + "/" + r.resourceId()));
    }
    if (r.query() != null) {
      entity.setQuery(r.query().getBytes(StandardCharsets.UTF_8));
    }
    return entity;
  }

  private static AuditEventAction action(String interaction) {
    return switch (interaction) {
      case "create" -> AuditEventAction.C;
      case "update", "patch" -> AuditEventAction.U;
      case "delete" -> AuditEventAction.D;
      case "transaction", "batch", "operation" -> AuditEventAction.E;
      default -> AuditEventAction.R;
    };
  }
}
