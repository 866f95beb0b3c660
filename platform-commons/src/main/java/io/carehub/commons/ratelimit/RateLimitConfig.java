package io.carehub.commons.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The rate limits of every service ({@link RateLimitFilter}), per client and per instance: each replica keeps its own
 * buckets. A rate of {@code 0} turns that limit off. The defaults are above what one client reaches on the benchmark
 * machine (deploy/bench), so that they stop a runaway client without slowing a busy one.
 */
@ConfigMapping(prefix = "carehub.rate-limit")
public interface RateLimitConfig {

    /** Off: nothing is limited. */
    @WithDefault("true")
    boolean enabled();

    /** Reads (GET, HEAD, Find by POST {@code /find}) per second of one client, refilled continuously. */
    @WithDefault("20000")
    long readsPerSecond();

    /** How many reads one client may make at once after a quiet spell (the bucket's size). */
    @WithDefault("20000")
    long readsBurst();

    /** Writes (POST, PUT, PATCH, DELETE) per second of one client. */
    @WithDefault("5000")
    long writesPerSecond();

    @WithDefault("5000")
    long writesBurst();

    /** {@code POST /v1/token} attempts per minute naming one {@code client_id} (the assertion's {@code iss}), good or bad. */
    @WithDefault("120")
    long tokenPerClientPerMinute();

    /** {@code POST /v1/token} attempts per minute from one remote address, good or bad. */
    @WithDefault("600")
    long tokenPerAddressPerMinute();

    /**
     * How many trusted proxies append to {@code X-Forwarded-For} in front of the service: the client's address is the
     * entry this many places from the right (1: the one the gateway appended; what the client sent itself is left of it).
     */
    @WithDefault("1")
    int forwardedHops();

    /** Buckets kept per limit (clients, addresses), least recently used dropped first: bounds the memory an attacker can fill. */
    @WithDefault("100000")
    long maxKeys();
}
