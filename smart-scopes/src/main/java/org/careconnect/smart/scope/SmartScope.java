package org.careconnect.smart.scope;

/**
 * One scope token of an OAuth2 {@code scope} parameter, as SMART App Launch 2.2 reads it.
 * Parse with {@link ScopeParser#parse(String)}.
 */
public sealed interface SmartScope permits ResourceScope, NamedScope, CustomScope {

    /** The scope exactly as it is written on the wire. */
    String value();

    /** The scope in plain words, for a consent page. */
    String describe();

    /** Whether holding this scope also grants {@code other}. */
    boolean implies(SmartScope other);
}
