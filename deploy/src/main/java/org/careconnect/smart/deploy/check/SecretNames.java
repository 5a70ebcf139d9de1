package org.careconnect.smart.deploy.check;

import java.util.regex.Pattern;

/** Which variables hold secrets: their values come from the platform's secrets, never a file in git. */
final class SecretNames {

    private static final Pattern SECRET = Pattern.compile(
            ".*(PASSWORD|SECRET|ENCRYPTION_KEY|PRIVATE_KEY|INITIAL_ACCESS_TOKEN).*");

    private SecretNames() {
    }

    static boolean isSecret(String variable) {
        return SECRET.matcher(variable).matches();
    }

    /** A secret's value may be the path of a mounted secret file (Spring's file: resources). */
    static boolean isMountedFile(String value) {
        return value != null && value.startsWith("file:/");
    }
}
