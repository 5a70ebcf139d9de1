package org.careconnect.smart.deploy.check;

import java.util.ArrayList;
import java.util.List;

/** What a check found wrong, each line naming the file and the place in it. */
public final class Problems {

    private final List<String> found = new ArrayList<>();

    void add(String where, String what) {
        found.add(where + ": " + what);
    }

    public List<String> list() {
        return List.copyOf(found);
    }
}
