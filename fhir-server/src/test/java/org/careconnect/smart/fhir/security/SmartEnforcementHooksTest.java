package org.careconnect.smart.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;
import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * HAPI reaches the enforcement through {@link SmartEnforcementHooks} alone, so every pointcut the
 * three HAPI interceptors hook must be relayed there, or be one only HAPI's JPA server fires.
 * Fails when a HAPI upgrade adds a hook to one of them (docs/decisions/0016).
 */
class SmartEnforcementHooksTest {

  @Test
  void everyPointcutTheThreeHookIsRelayedOrFiredOnlyByHapisJpaServer() {
    Set<Pointcut> hooked = hookedPointcuts(SmartAuthorizationInterceptor.class, SmartSearchNarrowing.class,
        ConsentInterceptor.class);
    Set<Pointcut> relayed = hookedPointcuts(SmartEnforcementHooks.class);

    assertThat(relayed).doesNotContainAnyElementsOf(SmartEnforcementHooks.JPA_SERVER_ONLY)
        .doesNotContainAnyElementsOf(SmartEnforcementHooks.COMPLETION_ONLY);
    Set<Pointcut> accountedFor = EnumSet.copyOf(relayed);
    accountedFor.addAll(SmartEnforcementHooks.JPA_SERVER_ONLY);
    accountedFor.addAll(SmartEnforcementHooks.COMPLETION_ONLY);
    assertThat(accountedFor).isEqualTo(hooked);
  }

  /**
   * Consent's completion hooks only call these two methods of its services; ours keeps the
   * interface's empty defaults, so not relaying the hooks loses nothing.
   */
  @Test
  void granularScopeConsentWhenRequestsEndThenWantsNoNotice() {
    assertThat(GranularScopeConsent.class.getDeclaredMethods()).extracting(Method::getName)
        .doesNotContain("completeOperationSuccess", "completeOperationFailure");
  }

  /** The pointcuts of the {@code @Hook} methods of these classes and their superclasses. */
  private static Set<Pointcut> hookedPointcuts(Class<?>... interceptors) {
    Set<Pointcut> pointcuts = EnumSet.noneOf(Pointcut.class);
    for (Class<?> interceptor : interceptors) {
      for (Class<?> type = interceptor; type != Object.class; type = type.getSuperclass()) {
        for (Method method : type.getDeclaredMethods()) {
          Hook hook = method.getAnnotation(Hook.class);
          if (hook != null) {
            pointcuts.add(hook.value());
          }
        }
      }
    }
    return pointcuts;
  }
}
