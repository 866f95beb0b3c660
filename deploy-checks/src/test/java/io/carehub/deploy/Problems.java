package io.carehub.deploy;

import java.util.ArrayList;
import java.util.List;

/** Every problem a check finds, reported together (one failing run names them all). */
final class Problems {

    private final List<String> found = new ArrayList<>();

    void add(String problem) {
        found.add(problem);
    }

    void check(boolean ok, String problem) {
        if (!ok) {
            found.add(problem);
        }
    }

    void assertNone(String what) {
        if (!found.isEmpty()) {
            throw new AssertionError(what + ": " + found.size() + " problem(s)\n  - " + String.join("\n  - ", found));
        }
    }
}
