package org.careconnect.smart.fhir.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The {@link TokenPermissions} of each verified token, kept beside its {@link SmartAccess}.
 * Keyed by the identity of the access object (weak keys: Caffeine then compares with {@code ==}):
 * {@link VerifiedTokens} hands every request of a token the same instance, and a new instance for
 * any other token, so no token is ever answered with another's permissions, even one with the
 * same claims. An entry goes when its access is no longer remembered (collected) or when the
 * cache is full (least used first); it is then worked out again. Nothing here decides whether a
 * token is still valid: only a request whose token {@link BearerTokenFilter} has just accepted
 * carries an access.
 */
final class TokenPermissionsCache {

  private static final String KEY = TokenPermissions.class.getName();

  private final ScopeRules scopeRules;
  private final Cache<SmartAccess, TokenPermissions> cache;

  /** {@code maxTokens} 0: worked out on every request. */
  TokenPermissionsCache(ScopeRules scopeRules, long maxTokens) {
    this.scopeRules = scopeRules;
    // upkeep on the calling thread, as in VerifiedTokens
    this.cache = maxTokens <= 0 ? null
        : Caffeine.newBuilder().executor(Runnable::run).weakKeys().maximumSize(maxTokens).build();
  }

  /** The permissions of the request's token, worked out at most once per request; null without a token. */
  TokenPermissions of(RequestDetails request) {
    SmartAccess access = SmartAccess.of(request).orElse(null);
    if (access == null) {
      return null;
    }
    if (request.getUserData().get(KEY) instanceof TokenPermissions known && known.access() == access) {
      return known;
    }
    TokenPermissions permissions = of(access);
    request.getUserData().put(KEY, permissions);
    return permissions;
  }

  TokenPermissions of(SmartAccess access) {
    if (cache == null) {
      return scopeRules.permissionsFor(access);
    }
    TokenPermissions known = cache.getIfPresent(access); // cheaper than get() on a hit
    return known != null ? known : cache.get(access, scopeRules::permissionsFor);
  }
}
