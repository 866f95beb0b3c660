package io.carehub.commons.errors;

import java.util.List;

/** The body of every failure: {@code {"errors": [...]}}. */
public record ErrorsBody(List<ApiError> errors) {
}
