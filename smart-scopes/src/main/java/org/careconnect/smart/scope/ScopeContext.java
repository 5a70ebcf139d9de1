package org.careconnect.smart.scope;

/** Whose data a resource scope reaches: the launch patient's, the user's, or the whole system's. */
public enum ScopeContext {
    PATIENT("patient"),
    USER("user"),
    SYSTEM("system");

    private final String prefix;

    ScopeContext(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    static ScopeContext fromPrefix(String prefix) {
        for (ScopeContext context : values()) {
            if (context.prefix.equals(prefix)) {
                return context;
            }
        }
        return null;
    }
}
