package org.careconnect.smart.scope;

/**
 * A SMART v2 permission letter. The declaration order is the order the v2 grammar demands
 * ({@code c r u d s}; SMART App Launch 2.2, "Scopes for requesting FHIR resources").
 */
public enum Permission {
    CREATE('c', "create"),
    READ('r', "read"),
    UPDATE('u', "update"),
    DELETE('d', "delete"),
    SEARCH('s', "search");

    private final char letter;
    private final String verb;

    Permission(char letter, String verb) {
        this.letter = letter;
        this.verb = verb;
    }

    public char letter() {
        return letter;
    }

    /** The verb used when a scope is explained to a person. */
    public String verb() {
        return verb;
    }
}
