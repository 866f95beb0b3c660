package io.carehub.commons.ratelimit;

import java.time.Duration;

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

    /**
     * Token requests ({@code POST /oauth/token} and {@code POST /v1/token}, either grant) naming one {@code client_id}
     * per {@link #tokenPerClientPeriod()}, good or bad: the {@code client_id} of the client credentials grant and the
     * {@code iss} of a JWT-bearer assertion share one bucket. 100 per 5 minutes is Welkin's later API's limit
     * (API-CORE.md §C2); a well-behaved client asks for a token an hour.
     */
    @WithDefault("100")
    long tokenPerClient();

    /** The period {@link #tokenPerClient()} is counted over (refilled continuously: a token every period / limit). */
    @WithDefault("5m")
    Duration tokenPerClientPeriod();

    /** Token requests per minute from one remote address, good or bad, whatever {@code client_id}s they name. */
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
