package io.carehub.commons.ratelimit;

/** A request over its rate limit: {@code 429 too_many_requests} with {@code Retry-After} ({@link RateLimitFilter}). */
public final class TooManyRequests extends RuntimeException {

    private final long retryAfterSeconds;

    TooManyRequests(long retryAfterSeconds, String detail) {
        super(detail, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Whole seconds, at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
