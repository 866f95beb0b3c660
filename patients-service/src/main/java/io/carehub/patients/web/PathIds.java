package io.carehub.patients.web;

import java.util.UUID;

import io.carehub.commons.errors.ApiException;
import io.carehub.commons.validation.Types;

/** The id in a resource's path: a malformed one names nothing, so it is answered like an unknown one (404). */
public final class PathIds {

    private PathIds() {
    }

    public static UUID guid(String id) {
        UUID uuid = Types.parseGuid(id);
        if (uuid == null) {
            throw ApiException.notFound();
        }
        return uuid;
    }
}
