package org.careconnect.smart.fhir.server;

import ca.uhn.fhir.interceptor.api.HookParams;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.interceptor.model.RequestPartitionId;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Fires HAPI's STORAGE_PRESTORAGE_* pointcuts before each write, as HAPI's JPA server does, so
 * interceptors (authorisation, audit) judge what a write really touches: the stored resource a
 * delete or a conditional write hits, each entry of a transaction.
 */
final class StorageHooks {

  private StorageHooks() {}

  static void created(RequestDetails request, IBaseResource resource) {
    call(request, Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, new HookParams()
        .add(IBaseResource.class, resource)
        .add(RequestDetails.class, request)
        .add(ServletRequestDetails.class, request instanceof ServletRequestDetails s ? s : null)
        .add(TransactionDetails.class, new TransactionDetails())
        .add(RequestPartitionId.class, null));
  }

  static void updated(RequestDetails request, IBaseResource old, IBaseResource resource) {
    call(request, Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, new HookParams()
        .add(IBaseResource.class, old)
        .add(IBaseResource.class, resource)
        .add(RequestDetails.class, request)
        .add(ServletRequestDetails.class, request instanceof ServletRequestDetails s ? s : null)
        .add(TransactionDetails.class, new TransactionDetails()));
  }

  static void deleted(RequestDetails request, IBaseResource old) {
    call(request, Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED, new HookParams()
        .add(IBaseResource.class, old)
        .add(RequestDetails.class, request)
        .add(ServletRequestDetails.class, request instanceof ServletRequestDetails s ? s : null)
        .add(TransactionDetails.class, new TransactionDetails()));
  }

  private static void call(RequestDetails request, Pointcut pointcut, HookParams params) {
    if (request != null && request.getInterceptorBroadcaster() != null
        && request.getInterceptorBroadcaster().hasHooks(pointcut)) {
      request.getInterceptorBroadcaster().callHooks(pointcut, params);
    }
  }
}
