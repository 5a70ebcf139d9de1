package org.careconnect.smart.scope;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scope for FHIR resources: {@code context/ResourceType.permissions[?query]}.
 *
 * <p>v1 scopes are normalised to v2 permissions as SMART App Launch 2.2 maps them: {@code read} is
 * {@code rs}, {@code write} is {@code cud}, {@code *} is {@code cruds}. A v2 scope may carry a
 * query ("granular scope"), for example {@code category=...|vital-signs}; such a scope grants
 * only the resources that match every parameter of the query.
 *
 * @param resourceType a FHIR resource type, or {@code *} for every type
 * @param parameters the granular query, parameter name to its values (empty when none)
 */
public record ResourceScope(
        ScopeContext context,
        String resourceType,
        Set<Permission> permissions,
        Map<String, List<String>> parameters,
        ScopeVersion version,
        String value) implements SmartScope {

    public static final String ALL_TYPES = "*";

    public ResourceScope {
        permissions = Collections.unmodifiableSet(EnumSet.copyOf(permissions));
        Map<String, List<String>> copy = new LinkedHashMap<>();
        parameters.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        parameters = Collections.unmodifiableMap(copy);
    }

    /** Whether this scope lets its holder do {@code permission} on resources of {@code type}. */
    public boolean grants(String type, Permission permission) {
        return coversType(type) && permissions.contains(permission);
    }

    /** Whether this scope reaches resources of {@code type} at all. */
    public boolean coversType(String type) {
        return ALL_TYPES.equals(resourceType) || resourceType.equals(type);
    }

    /** A granular scope grants only the resources matching its query. */
    public boolean isGranular() {
        return !parameters.isEmpty();
    }

    /**
     * This scope implies {@code other} when it reaches at least the same context, types and
     * permissions, and its query (if any) is no narrower: every parameter it filters on is
     * filtered the same way by {@code other}.
     */
    @Override
    public boolean implies(SmartScope other) {
        if (!(other instanceof ResourceScope that)) {
            return false;
        }
        return context == that.context
                && (ALL_TYPES.equals(resourceType) || resourceType.equals(that.resourceType))
                && permissions.containsAll(that.permissions)
                && parameters.entrySet().stream()
                        .allMatch(filter -> filter.getValue().equals(that.parameters.get(filter.getKey())));
    }

    @Override
    public String describe() {
        StringBuilder words = new StringBuilder(verbs())
                .append(' ')
                .append(ResourceNames.plural(resourceType))
                .append(switch (context) {
                    case PATIENT -> " in the patient's record";
                    case USER -> " that you have access to";
                    case SYSTEM -> " across the whole system";
                });
        if (isGranular()) {
            List<String> filters = new ArrayList<>();
            parameters.forEach((name, values) -> filters.add(name + " is " + String.join(" or ",
                    values.stream().map(ResourceScope::readable).toList())));
            words.append(" (only where ").append(String.join(" and ", filters)).append(')');
        }
        return words.toString();
    }

    private String verbs() {
        List<String> verbs = permissions.stream().map(Permission::verb).toList();
        String joined = verbs.size() == 1
                ? verbs.get(0)
                : String.join(", ", verbs.subList(0, verbs.size() - 1)) + " and " + verbs.get(verbs.size() - 1);
        return Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
    }

    /** {@code system|code} reads as its code; people know "vital-signs", not the system URL. */
    private static String readable(String tokenValue) {
        int bar = tokenValue.lastIndexOf('|');
        return bar >= 0 ? tokenValue.substring(bar + 1) : tokenValue;
    }

    @Override
    public String toString() {
        return value;
    }
}
