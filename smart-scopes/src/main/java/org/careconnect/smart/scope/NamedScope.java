package org.careconnect.smart.scope;

import java.util.Optional;

/** The fixed SMART and OpenID Connect scopes that name a capability rather than resources. */
public record NamedScope(Kind kind) implements SmartScope {

    public enum Kind {
        OPENID("openid", "Confirm who you are when you sign in"),
        FHIR_USER("fhirUser", "Know your user record (the practitioner or patient you are)"),
        PROFILE("profile", "See your name and basic profile"),
        LAUNCH("launch", "Open with the patient and encounter of your EHR session"),
        LAUNCH_PATIENT("launch/patient", "Know which patient is chosen when the app starts"),
        LAUNCH_ENCOUNTER("launch/encounter", "Know which encounter is chosen when the app starts"),
        OFFLINE_ACCESS("offline_access", "Keep access after you close the app, until you revoke it"),
        ONLINE_ACCESS("online_access", "Keep access while you stay signed in");

        private final String value;
        private final String description;

        Kind(String value, String description) {
            this.value = value;
            this.description = description;
        }

        public String value() {
            return value;
        }
    }

    public static final NamedScope OPENID = new NamedScope(Kind.OPENID);
    public static final NamedScope FHIR_USER = new NamedScope(Kind.FHIR_USER);
    public static final NamedScope PROFILE = new NamedScope(Kind.PROFILE);
    public static final NamedScope LAUNCH = new NamedScope(Kind.LAUNCH);
    public static final NamedScope LAUNCH_PATIENT = new NamedScope(Kind.LAUNCH_PATIENT);
    public static final NamedScope LAUNCH_ENCOUNTER = new NamedScope(Kind.LAUNCH_ENCOUNTER);
    public static final NamedScope OFFLINE_ACCESS = new NamedScope(Kind.OFFLINE_ACCESS);
    public static final NamedScope ONLINE_ACCESS = new NamedScope(Kind.ONLINE_ACCESS);

    static Optional<NamedScope> of(String value) {
        for (Kind kind : Kind.values()) {
            if (kind.value.equals(value)) {
                return Optional.of(new NamedScope(kind));
            }
        }
        return Optional.empty();
    }

    @Override
    public String value() {
        return kind.value;
    }

    @Override
    public String describe() {
        return kind.description;
    }

    @Override
    public boolean implies(SmartScope other) {
        return equals(other);
    }

    @Override
    public String toString() {
        return value();
    }
}
