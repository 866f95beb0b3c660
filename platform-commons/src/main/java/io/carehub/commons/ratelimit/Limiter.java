package io.carehub.commons.ratelimit;

import java.time.Duration;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * One limit: a token bucket per key (a client, an address) of {@code capacity} tokens, refilled with {@code rate}
 * tokens per {@code period}, greedily (a little at a time, not all at the period's end). Buckets live in memory, in a
 * bounded map; one untouched for as long as it takes to refill from empty is dropped, which changes nothing (a new one
 * is full too). Per request: a map look-up and a compare-and-set.
 */
final class Limiter {

    /** Keys longer than this (an {@code iss} is whatever a caller sends) are cut: no real client id is that long. */
    static final int MAX_KEY_LENGTH = 256;

    private final long capacity;
    private final long rate;
    private final Duration period;
    private final TimeMeter clock;
    private final Cache<String, Bucket> buckets;
    private final Function<String, Bucket> newBucket = key -> newBucket();

    /** {@code rate <= 0}: no limit. */
    Limiter(long rate, long capacity, Duration period, long maxKeys, TimeMeter clock) {
        this.rate = rate;
        this.capacity = Math.max(capacity, 1);
        this.period = period;
        this.clock = clock;
        if (rate <= 0) {
            this.buckets = null;
            return;
        }
        long refillNanos = Math.max(1, (long) Math.ceil((double) period.toNanos() * this.capacity / rate));
        this.buckets = Caffeine.newBuilder().maximumSize(maxKeys)
                .expireAfterAccess(Duration.ofNanos(refillNanos).plusSeconds(1)).build();
    }

    boolean enabled() {
        return buckets != null;
    }

    /** Takes one token of {@code key}'s bucket: 0 when there was one, else the nanoseconds until there is. */
    long acquire(String key) {
        if (buckets == null) {
            return 0;
        }
        String k = key == null ? "" : key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
        ConsumptionProbe probe = buckets.get(k, newBucket).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    private Bucket newBucket() {
        return Bucket.builder().withCustomTimePrecision(clock)
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(rate, period)).build();
    }

    /** {@code Retry-After} in whole seconds for a wait of {@code nanos}: rounded up, at least 1. */
    static long retryAfterSeconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
