package org.careconnect.smart.fhir.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.IPreResourceAccessDetails;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationConstants;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.Set;
import org.careconnect.smart.fhir.server.FhirServerInterceptor;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The one interceptor through which HAPI reaches the SMART enforcement: for each pointcut, it
 * calls the hooks of HAPI's authorisation ({@link SmartAuthorizationInterceptor}), search narrowing
 * ({@link SmartSearchNarrowing}) and consent (granular scopes, {@link GranularScopeConsent}), in
 * that order, the order HAPI called them in when the three were registered each on its own (HAPI
 * orders its consent interceptor after the others).
 *
 * <p>Why: HAPI calls every hook reflectively, building its arguments from a multimap, and the
 * three registered apart made seven such calls on every read, where the open face makes none
 * (docs/decisions/0016). Here a request pays one call per pointcut; what each hook does is
 * unchanged, HAPI's own code.
 *
 * <p>Relayed: every pointcut the three hook that this plain server fires (the {@code SERVER_*}
 * ones, {@code STORAGE_PRESTORAGE_*} from the stores' writes) or that a plain server may fire
 * ({@code STORAGE_PRESHOW_RESOURCES}, {@code STORAGE_PREACCESS_RESOURCES}). Not relayed: the
 * pointcuts of HAPI's JPA server only (cascade delete, delete-expunge, bulk export, the search
 * cache: {@link #JPA_SERVER_ONLY}), none of which this server has, and consent's notices that a
 * request ended ({@link #COMPLETION_ONLY}), which our consent service has no use for.
 * {@code SmartEnforcementHooksTest} fails when a HAPI upgrade adds a hook to one of the three
 * that is none of these, or when {@link GranularScopeConsent} starts to want those notices.
 */
@Interceptor(order = AuthorizationConstants.ORDER_AUTH_INTERCEPTOR)
final class SmartEnforcementHooks implements FhirServerInterceptor {

  /**
   * What consent hooks only to tell its services that a request ended ({@code
   * completeOperationSuccess}, {@code completeOperationFailure}), which {@link GranularScopeConsent}
   * does not implement: not relayed, so every request saves a hook call.
   */
  static final Set<Pointcut> COMPLETION_ONLY = EnumSet.of(
      Pointcut.SERVER_PROCESSING_COMPLETED_NORMALLY,
      Pointcut.SERVER_HANDLE_EXCEPTION);

  /** What the three hook that only HAPI's JPA server fires: not relayed. */
  static final Set<Pointcut> JPA_SERVER_ONLY = EnumSet.of(
      Pointcut.STORAGE_CASCADE_DELETE,
      Pointcut.STORAGE_PRE_DELETE_EXPUNGE,
      Pointcut.STORAGE_INITIATE_BULK_EXPORT,
      Pointcut.STORAGE_BULK_EXPORT_RESOURCE_INCLUSION,
      Pointcut.STORAGE_PRECHECK_FOR_CACHED_SEARCH,
      Pointcut.STORAGE_PRESEARCH_REGISTERED);

  private final SmartAuthorizationInterceptor authorization;
  private final SmartSearchNarrowing narrowing;
  private final ConsentInterceptor consent;

  SmartEnforcementHooks(SmartAuthorizationInterceptor authorization, SmartSearchNarrowing narrowing,
      ConsentInterceptor consent) {
    this.authorization = authorization;
    this.narrowing = narrowing;
    this.consent = consent;
  }

  /** Before the method binding reads the parameters: searches and conditional URLs narrowed. */
  @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
  public void incomingRequestPostProcessed(RequestDetails request, HttpServletRequest servletRequest,
      HttpServletResponse servletResponse) {
    narrowing.hookIncomingRequestPostProcessed(request, servletRequest, servletResponse);
  }

  /** The request checked against the rules, a transaction's entries narrowed, consent started. */
  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void incomingRequestPreHandled(RequestDetails request, ServletRequestDetails servletRequest,
      Pointcut pointcut) {
    authorization.incomingRequestPreHandled(request, pointcut);
    // this pointcut carries no servlet request or response: HAPI gave the narrowing none either
    narrowing.hookIncomingRequestPreHandled(servletRequest, null, null);
    consent.interceptPreHandled(request);
  }

  /** What goes out: checked against the rules, then filtered by granular scopes. */
  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public void outgoingResponse(RequestDetails request, IBaseResource resource, ResponseDetails response,
      Pointcut pointcut) {
    authorization.hookOutgoingResponse(request, resource, pointcut);
    consent.interceptOutgoingResponse(request, response);
  }

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  public BaseServerResponseException preProcessOutgoingException(Throwable thrown) {
    return authorization.challengeEveryRefusal(thrown);
  }

  @Hook(Pointcut.STORAGE_PRESHOW_RESOURCES)
  public void preShow(RequestDetails request, IPreResourceShowDetails details, Pointcut pointcut) {
    authorization.hookPreShow(request, details, pointcut);
    consent.interceptPreShow(request, details);
  }

  @Hook(Pointcut.STORAGE_PREACCESS_RESOURCES)
  public void preAccess(RequestDetails request, IPreResourceAccessDetails details) {
    consent.interceptPreAccess(request, details);
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void preCreate(RequestDetails request, IBaseResource resource, Pointcut pointcut) {
    authorization.hookResourcePreCreate(request, resource, pointcut);
  }

  /** HAPI passes the stored version first, then the new one. */
  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void preUpdate(RequestDetails request, IBaseResource stored, IBaseResource updated, Pointcut pointcut) {
    authorization.hookResourcePreUpdate(request, stored, updated, pointcut);
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
  public void preDelete(RequestDetails request, IBaseResource resource, Pointcut pointcut) {
    authorization.hookResourcePreDelete(request, resource, pointcut);
  }
}
