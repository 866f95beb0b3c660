package io.carehub.notifier.subscription;

import java.util.List;
import java.util.Set;

import io.carehub.commons.security.ApiCollections;

/**
 * The collections a subscription's {@code resources} may name and change events are about, as the notifier
 * uses them: the shared library's one list ({@link ApiCollections}), which scopes are checked against too.
 */
public final class Collections {

    public static final List<String> ALL = ApiCollections.ALL;

    /** Collections with Delete: a follower learns of deletions only through {@code include_deleted=true}. */
    public static final Set<String> WITH_DELETES = ApiCollections.WITH_DELETES;

    private Collections() {
    }

    public static boolean exists(String name) {
        return ApiCollections.exists(name);
    }

    public static boolean hasDeletes(String name) {
        return ApiCollections.hasDeletes(name);
    }
}
