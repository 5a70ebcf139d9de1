package org.careconnect.smart.scope;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The scopes of one request, grant or token, in order and without duplicates. Both servers use
 * it: the authorisation server to negotiate what to grant, the FHIR server to decide what a token
 * allows.
 */
public final class ScopeSet {

    private static final ScopeSet EMPTY = new ScopeSet(List.of());

    private final List<SmartScope> scopes;

    private ScopeSet(Collection<SmartScope> scopes) {
        this.scopes = List.copyOf(new LinkedHashSet<>(scopes));
    }

    /** Parses an OAuth2 {@code scope} parameter (space separated); null or blank is empty. */
    public static ScopeSet parse(String spaceSeparated) {
        if (spaceSeparated == null || spaceSeparated.isBlank()) {
            return EMPTY;
        }
        List<SmartScope> scopes = new ArrayList<>();
        for (String token : spaceSeparated.trim().split("\\s+")) {
            scopes.add(ScopeParser.parse(token));
        }
        return new ScopeSet(scopes);
    }

    /** Parses each value as one scope token (e.g. the scope set of a registered client). */
    public static ScopeSet of(Collection<String> values) {
        return new ScopeSet(values.stream().map(ScopeParser::parse).toList());
    }

    public static ScopeSet empty() {
        return EMPTY;
    }

    public List<SmartScope> scopes() {
        return scopes;
    }

    /** The scope tokens as written, in order. */
    public List<String> values() {
        return scopes.stream().map(SmartScope::value).toList();
    }

    public Set<String> valueSet() {
        return new LinkedHashSet<>(values());
    }

    public boolean isEmpty() {
        return scopes.isEmpty();
    }

    public boolean contains(SmartScope scope) {
        return scopes.contains(scope);
    }

    /** Whether any scope of this set grants everything {@code scope} grants. */
    public boolean implies(SmartScope scope) {
        return scopes.stream().anyMatch(held -> held.implies(scope));
    }

    /**
     * The requested scopes (this set) that {@code allowed} implies: what a client may be granted
     * (SMART App Launch 2.2: the server may grant fewer scopes than requested).
     */
    public ScopeSet negotiate(ScopeSet allowed) {
        return filter(allowed::implies);
    }

    public ScopeSet filter(Predicate<SmartScope> keep) {
        return new ScopeSet(scopes.stream().filter(keep).toList());
    }

    public List<ResourceScope> resourceScopes() {
        return scopes.stream()
                .filter(ResourceScope.class::isInstance)
                .map(ResourceScope.class::cast)
                .toList();
    }

    /**
     * The resource scopes of {@code context} that grant {@code permission} on {@code type}. Empty
     * means refused; a granular scope in the result limits which resources are allowed.
     */
    public List<ResourceScope> granting(ScopeContext context, String type, Permission permission) {
        return resourceScopes().stream()
                .filter(scope -> scope.context() == context && scope.grants(type, permission))
                .toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScopeSet that && scopes.equals(that.scopes);
    }

    @Override
    public int hashCode() {
        return scopes.hashCode();
    }

    /** The OAuth2 {@code scope} parameter form. */
    @Override
    public String toString() {
        return String.join(" ", values());
    }
}
