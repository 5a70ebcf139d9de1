package org.careconnect.smart.scope;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The strict SMART App Launch 2.2 scope grammar.
 *
 * <p>Anything that starts like a resource scope ({@code patient/}, {@code user/}, {@code system/})
 * must be a valid one, so a mistyped scope is refused instead of silently meaning something else.
 * The fixed SMART/OpenID scopes become {@link NamedScope}s; any other RFC 6749 scope-token becomes a
 * {@link CustomScope} for the server to accept or refuse.
 */
public final class ScopeParser {

    // context "/" (resource type | "*") "." permissions ["?" query]
    private static final Pattern RESOURCE_SCOPE =
            Pattern.compile("(patient|user|system)/([A-Z][A-Za-z]*|\\*)\\.([^?]*)(?:\\?(.*))?");
    // RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_:.-]*");

    private ScopeParser() {
    }

    /** Parses one scope token; throws {@link InvalidScopeException} naming the broken rule. */
    public static SmartScope parse(String scope) {
        if (scope == null || !SCOPE_TOKEN.matcher(scope).matches()) {
            throw new InvalidScopeException(String.valueOf(scope), "not an RFC 6749 scope-token");
        }
        var named = NamedScope.of(scope);
        if (named.isPresent()) {
            return named.get();
        }
        int slash = scope.indexOf('/');
        if (slash > 0 && ScopeContext.fromPrefix(scope.substring(0, slash)) != null) {
            return parseResourceScope(scope);
        }
        return new CustomScope(scope);
    }

    private static ResourceScope parseResourceScope(String scope) {
        Matcher matcher = RESOURCE_SCOPE.matcher(scope);
        if (!matcher.matches()) {
            throw new InvalidScopeException(scope,
                    "expected context/ResourceType.permissions, e.g. patient/Observation.rs");
        }
        ScopeContext context = ScopeContext.fromPrefix(matcher.group(1));
        String resourceType = matcher.group(2);
        String permissionText = matcher.group(3);
        String query = matcher.group(4);

        ScopeVersion version;
        Set<Permission> permissions;
        switch (permissionText) {
            case "read" -> {
                version = ScopeVersion.V1;
                permissions = EnumSet.of(Permission.READ, Permission.SEARCH);
            }
            case "write" -> {
                version = ScopeVersion.V1;
                permissions = EnumSet.of(Permission.CREATE, Permission.UPDATE, Permission.DELETE);
            }
            case "*" -> {
                version = ScopeVersion.V1;
                permissions = EnumSet.allOf(Permission.class);
            }
            default -> {
                version = ScopeVersion.V2;
                permissions = v2Permissions(scope, permissionText);
            }
        }
        if (query != null && version == ScopeVersion.V1) {
            throw new InvalidScopeException(scope, "only v2 scopes (.cruds) may carry a query");
        }
        Map<String, List<String>> parameters = query == null ? Map.of() : parameters(scope, query);
        return new ResourceScope(context, resourceType, permissions, parameters, version, scope);
    }

    /** v2 permissions: a non-empty subsequence of "cruds", in that order, each letter once. */
    private static Set<Permission> v2Permissions(String scope, String letters) {
        if (letters.isEmpty()) {
            throw new InvalidScopeException(scope, "no permissions after the '.'");
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        Permission[] order = Permission.values();
        int next = 0;
        for (char letter : letters.toCharArray()) {
            while (next < order.length && order[next].letter() != letter) {
                next++;
            }
            if (next == order.length) {
                throw new InvalidScopeException(scope,
                        "permissions must be letters of 'cruds', in that order, each at most once");
            }
            permissions.add(order[next++]);
        }
        return permissions;
    }

    private static Map<String, List<String>> parameters(String scope, String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || equals == pair.length() - 1) {
                throw new InvalidScopeException(scope, "each query part must be name=value");
            }
            String name = pair.substring(0, equals);
            if (!PARAMETER_NAME.matcher(name).matches()) {
                throw new InvalidScopeException(scope, "'" + name + "' is not a search parameter name");
            }
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(pair.substring(equals + 1));
        }
        return parameters;
    }
}
