package org.careconnect.smart.scope;

/** A scope that looks like a SMART scope but breaks its grammar; the message says which rule. */
public class InvalidScopeException extends IllegalArgumentException {

    private final String scope;

    public InvalidScopeException(String scope, String reason) {
        super("Invalid scope '" + scope + "': " + reason);
        this.scope = scope;
    }

    public String scope() {
        return scope;
    }
}
