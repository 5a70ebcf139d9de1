package org.careconnect.smart.fhir.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationFlagsEnum;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.PolicyEnum;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.careconnect.smart.fhir.operations.TokenRefusalMetrics;
import org.careconnect.smart.fhir.operations.TokenRefusalMetrics.Reason;
import org.careconnect.smart.scope.Permission;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * HAPI's default-deny authorisation, with the rules built from the token's scopes
 * ({@link ScopeRules}) once per token ({@link TokenPermissions}). Two additions HAPI's rule
 * builder cannot express:
 *
 * <ul>
 *   <li>each interaction needs its own SMART v2 permission letter (read r, search s, create c,
 *       update u, delete d; SMART App Launch 2.2 §scopes), also inside a transaction, whose
 *       entries HAPI checks one by one as the interaction they are;
 *   <li>{@code $validate} (which HAPI leaves unchecked) is judged as a create of the posted
 *       resource: validating is rehearsing a write.
 * </ul>
 *
 * <p>Compartment reads are checked on the resources actually returned (flag
 * DO_NOT_PROACTIVELY_BLOCK_COMPARTMENT_READ_ACCESS): searches are first narrowed to the
 * compartment by {@link SmartSearchNarrowing}, and any resource outside it in any response (an
 * include, a history entry, a page, a transaction's GET) refuses the whole response with 403.
 * Writes are checked on the stored resources too: the server fires HAPI's STORAGE_PRESTORAGE_*
 * pointcuts from {@code ResourceWrites}, so conditional and transaction writes are judged on
 * what they really touch.
 *
 * <p>A shortcut, with HAPI's answer: the rules are allow rules followed by one deny-all, so a
 * request is allowed exactly when one allow rule allows it. A read or search of a type the token
 * reads with any id (an unconfined read scope), or a resource going out of a read or search that
 * such a rule, or a compartment rule of its type by HAPI's own compartment check, allows
 * ({@link ReadRuleShortcut}), is therefore allowed without running the rules, after the permission
 * letter and the audit trail were checked as for any request; everything else goes through HAPI's
 * rules. See {@link OutgoingResources}.
 *
 * <p>Its hooks (HAPI's and the two added here) are called by {@link SmartEnforcementHooks}.
 */
@Interceptor
class SmartAuthorizationInterceptor extends AuthorizationInterceptor {

  /**
   * Where a read rule allowing any id of the type allows the incoming request: a read of the
   * type, or (with DO_NOT_PROACTIVELY_BLOCK_COMPARTMENT_READ_ACCESS) a search of it.
   */
  private static final Set<RestOperationTypeEnum> READS =
      EnumSet.of(RestOperationTypeEnum.READ, RestOperationTypeEnum.VREAD, RestOperationTypeEnum.SEARCH_TYPE);

  private final TokenRefusalMetrics refusals;
  private final ReadRuleShortcut shortcut;

  SmartAuthorizationInterceptor(TokenRefusalMetrics refusals, ReadRuleShortcut shortcut) {
    super(PolicyEnum.DENY);
    this.refusals = refusals;
    this.shortcut = shortcut;
    setFlags(AuthorizationFlagsEnum.DO_NOT_PROACTIVELY_BLOCK_COMPARTMENT_READ_ACCESS);
  }

  @Override
  public List<IAuthRule> buildRuleList(RequestDetails request) {
    TokenPermissions token = TokenPermissions.of(request);
    // No access: only the open CapabilityStatement got past the token filter.
    return token == null ? ScopeRules.METADATA_ONLY : token.rules();
  }

  @Override
  public Verdict applyRulesAndReturnDecision(
      RestOperationTypeEnum operation,
      RequestDetails request,
      IBaseResource input,
      IIdType inputId,
      IBaseResource output,
      Pointcut pointcut) {
    Permission needed = permissionFor(operation, request);
    boolean incoming = output == null;
    String type = incoming && input == null && (inputId == null || !inputId.hasResourceType())
        ? request.getResourceName() : typeOf(input, inputId, output, request);
    if (AuditScope.RESOURCE_TYPE.equals(type)) {
      return AuditScope.verdict(operation, request);
    }
    TokenPermissions token = TokenPermissions.of(request);
    if (needed != null && type != null && (token == null || !token.granted(type, needed, incoming))) {
      request.getUserData().put(Refusal.KEY,
          new Refusal("no granted scope allows " + needed.verb() + " of " + type));
      return new Verdict(PolicyEnum.DENY, null);
    }
    if (token != null && type != null
        && (incoming ? READS.contains(operation) && input == null && token.readableWithAnyId(type)
            : OutgoingResources.READS_AND_SEARCHES.contains(operation)
                && shortcut.allows(token, type, output))) {
      return ALLOWED_BY_A_READ_RULE;
    }
    return super.applyRulesAndReturnDecision(operation, request, input, inputId, output, pointcut);
  }

  /**
   * Skips HAPI's walk of every element of a search's Bundle, and its rules for each resource in
   * it, when a read rule of the token allows each resource HAPI would check ({@link ReadRuleShortcut}).
   */
  @Override
  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public void hookOutgoingResponse(RequestDetails request, IBaseResource response, Pointcut pointcut) {
    TokenPermissions token = TokenPermissions.of(request);
    if (token != null && response != null
        && OutgoingResources.allAllowedByReadRules(request.getRestOperationType(), response, request.getFhirContext(),
            token, shortcut)) {
      return;
    }
    super.hookOutgoingResponse(request, response, pointcut);
  }

  /**
   * HAPI's check of the incoming request, and $validate, which HAPI leaves unchecked, checked as
   * a create of the body. One hook for both: every hook costs each request an invocation.
   */
  @Override
  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void incomingRequestPreHandled(RequestDetails request, Pointcut pointcut) {
    if (request.getRestOperationType() == RestOperationTypeEnum.VALIDATE) {
      IBaseResource body = request.getResource();
      Verdict verdict = applyRulesAndReturnDecision(RestOperationTypeEnum.CREATE, request, body,
          body == null ? request.getId() : body.getIdElement(), null, pointcut);
      if (verdict == null || verdict.getDecision() != PolicyEnum.ALLOW) {
        handleDeny(request, verdict);
      }
    }
    super.incomingRequestPreHandled(request, pointcut);
  }

  @Override
  protected void handleDeny(RequestDetails request, Verdict decision) {
    Object refusal = request.getUserData().remove(Refusal.KEY);
    String why = refusal instanceof Refusal r ? r.reason() : "no granted scope allows this request";
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(OperationOutcome.IssueType.FORBIDDEN)
        .setDiagnostics("Access denied: " + why);
    ForbiddenOperationException forbidden = new ForbiddenOperationException("Access denied: " + why, outcome);
    // RFC 6750 §3.1: the token is fine but does not reach this.
    forbidden.addResponseHeader("WWW-Authenticate", BearerChallenges.REALM
        + ", error=\"insufficient_scope\", error_description=\"" + BearerChallenges.quoted(why) + "\"");
    throw forbidden;
  }

  /**
   * Every 403 carries the RFC 6750 §3.1 challenge, also one thrown outside {@link #handleDeny}:
   * search narrowing refuses a search aimed at another patient's compartment itself. Each 403 is
   * counted here, the one place all pass. Returns null: the (amended) exception goes on as it is.
   */
  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  public BaseServerResponseException challengeEveryRefusal(Throwable thrown) {
    if (thrown instanceof BaseServerResponseException forbidden && forbidden.getStatusCode() == 403) {
      refusals.refused(Reason.INSUFFICIENT_SCOPE);
    }
    if (thrown instanceof BaseServerResponseException refusal && refusal.getStatusCode() == 403
        && (refusal.getResponseHeaders() == null || !refusal.getResponseHeaders().containsKey("WWW-Authenticate"))) {
      String why = refusal.getMessage() == null ? "Access denied" : refusal.getMessage();
      refusal.addResponseHeader("WWW-Authenticate", BearerChallenges.REALM
          + ", error=\"insufficient_scope\", error_description=\"" + BearerChallenges.quoted(why) + "\"");
    }
    return null;
  }

  private static Permission permissionFor(RestOperationTypeEnum operation, RequestDetails request) {
    return switch (operation) {
      case READ, VREAD, HISTORY_INSTANCE, HISTORY_TYPE, HISTORY_SYSTEM -> Permission.READ;
      case SEARCH_TYPE, SEARCH_SYSTEM -> Permission.SEARCH;
      case CREATE -> Permission.CREATE;
      case UPDATE, PATCH -> Permission.UPDATE;
      case DELETE -> Permission.DELETE;
      default -> null;
    };
  }

  private static String typeOf(IBaseResource input, IIdType inputId, IBaseResource output, RequestDetails request) {
    IBaseResource resource = output != null ? output : input;
    if (resource != null) {
      return request.getFhirContext().getResourceType(resource);
    }
    if (inputId != null && inputId.hasResourceType()) {
      return inputId.getResourceType();
    }
    return null;
  }

  /** What HAPI would answer: a read rule of the type allows any id (see the class comment). */
  private static final Verdict ALLOWED_BY_A_READ_RULE = new Verdict(PolicyEnum.ALLOW, null);

  /** Why this request was refused, kept for the 403's message. */
  record Refusal(String reason) {
    static final String KEY = Refusal.class.getName();
  }
}
