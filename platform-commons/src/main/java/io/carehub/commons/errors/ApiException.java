package io.carehub.commons.errors;

import java.time.Duration;
import java.util.List;

/**
 * A failure to be answered with the API's {@code errors} body. The HTTP status is the first error's:
 * one request's errors always share a status (validation collects only 400s).
 */
public class ApiException extends RuntimeException {

    private final List<ApiError> errors;
    private final Duration retryAfter;

    public ApiException(List<ApiError> errors) {
        this(errors, null);
    }

    private ApiException(List<ApiError> errors, Duration retryAfter) {
        super(errors.isEmpty() ? "error" : errors.get(0).detail(), null, false, false);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an ApiException needs at least one error");
        }
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public ApiException(ApiError error) {
        this(List.of(error));
    }

    public List<ApiError> errors() {
        return errors;
    }

    /** The same failure with each error changed by {@code change} (e.g. its path in another face's names). */
    public ApiException map(java.util.function.UnaryOperator<ApiError> change) {
        return new ApiException(errors.stream().map(change).toList(), retryAfter);
    }

    public int status() {
        return errors.get(0).status();
    }

    /** When the client may try again ({@code Retry-After}), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@code 503}: something this request needs cannot be reached now; the client may retry after {@code retryAfter}. */
    public static ApiException unavailable(String detail, Duration retryAfter) {
        return new ApiException(List.of(ApiError.of(ErrorCode.SERVICE_UNAVAILABLE, detail)), retryAfter);
    }

    public static ApiException notFound() {
        return new ApiException(ApiError.of(ErrorCode.NOT_FOUND, "not found"));
    }

    /** A referenced resource ({@code user_id}, {@code coach_id}, ...) does not exist in the caller's tenant. */
    public static ApiException referenceNotFound(String field) {
        return new ApiException(ApiError.at(ErrorCode.RESOURCE_NOT_FOUND, "." + field,
                field + " does not name an existing resource"));
    }

    public static ApiException badRequest(String path, String detail) {
        return new ApiException(ApiError.at(ErrorCode.BAD_REQUEST, path, detail));
    }

    public static ApiException parse(String path, String detail) {
        return new ApiException(ApiError.at(ErrorCode.PARSE_EXCEPTION, path, detail));
    }

    public static ApiException uniqueness(String path, String detail) {
        return new ApiException(ApiError.at(ErrorCode.UNIQUENESS_EXCEPTION, path, detail));
    }

    public static ApiException of(ErrorCode code, String detail) {
        return new ApiException(ApiError.of(code, detail));
    }
}
