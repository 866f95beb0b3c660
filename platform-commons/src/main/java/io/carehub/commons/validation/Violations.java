package io.carehub.commons.validation;

import java.util.ArrayList;
import java.util.List;

import io.carehub.commons.errors.ApiError;
import io.carehub.commons.errors.ApiException;
import io.carehub.commons.errors.ErrorCode;

/** Collects every error found in one request, so that the client learns of all of them at once. */
public final class Violations {

    private final List<ApiError> errors = new ArrayList<>();

    /** The value at {@code path} has the wrong JSON type. */
    public void wrongType(String path, String detail) {
        errors.add(ApiError.at(ErrorCode.PARSE_EXCEPTION, path, detail));
    }

    /** The value at {@code path} is of the right type but not allowed. */
    public void bad(String path, String detail) {
        errors.add(ApiError.at(ErrorCode.BAD_REQUEST, path, detail));
    }

    /** Adds another collection's errors, each as {@code bad_request}. */
    public void addAsBadRequest(Violations other) {
        other.errors.forEach(e -> errors.add(new ApiError(400, ErrorCode.BAD_REQUEST.code(), ErrorCode.BAD_REQUEST.title(),
                e.detail(), e.extra())));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<ApiError> errors() {
        return List.copyOf(errors);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ApiException(errors);
        }
    }
}
