package org.careconnect.smart.scope;

/**
 * A scope outside the SMART grammar (for example a deployment's own API scope). The library
 * does not judge it; the authorisation server decides whether such a scope exists.
 */
public record CustomScope(String value) implements SmartScope {

    @Override
    public String describe() {
        return "Use the '" + value + "' permission";
    }

    @Override
    public boolean implies(SmartScope other) {
        return equals(other);
    }

    @Override
    public String toString() {
        return value;
    }
}
