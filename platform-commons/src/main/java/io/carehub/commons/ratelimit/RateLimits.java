package io.carehub.commons.ratelimit;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import io.github.bucket4j.TimeMeter;

/**
 * The buckets of this instance: reads and writes per client, token attempts per {@code client_id} and per address
 * (README, "Rate limits"). Each method takes one token and answers 0, or the nanoseconds until the caller may try
 * again. In memory, per replica: nothing is shared, and no request waits for anything but a map look-up.
 */
@ApplicationScoped
public class RateLimits {

    private final boolean enabled;
    private final Limiter reads;
    private final Limiter writes;
    private final Limiter tokenClients;
    private final Limiter tokenAddresses;
    private final ClientAddress addresses;
    private final RateLimitConfig config;

    @Inject
    public RateLimits(RateLimitConfig config, Config all) {
        this(config, all.getOptionalValue("quarkus.http.proxy.proxy-address-forwarding", Boolean.class).orElse(false),
                all.getOptionalValues("quarkus.http.proxy.trusted-proxies", String.class).orElse(List.of()),
                TimeMeter.SYSTEM_MILLISECONDS);
    }

    RateLimits(RateLimitConfig config, boolean forwarding, List<String> trustedProxies, TimeMeter clock) {
        this.config = config;
        this.enabled = config.enabled();
        long max = config.maxKeys();
        this.reads = new Limiter(config.readsPerSecond(), config.readsBurst(), Duration.ofSeconds(1), max, clock);
        this.writes = new Limiter(config.writesPerSecond(), config.writesBurst(), Duration.ofSeconds(1), max, clock);
        this.tokenClients = new Limiter(config.tokenPerClientPerMinute(), config.tokenPerClientPerMinute(),
                Duration.ofMinutes(1), max, clock);
        this.tokenAddresses = new Limiter(config.tokenPerAddressPerMinute(), config.tokenPerAddressPerMinute(),
                Duration.ofMinutes(1), max, clock);
        this.addresses = new ClientAddress(forwarding, trustedProxies, config.forwardedHops());
    }

    RateLimitConfig config() {
        return config;
    }

    /** Whether any read or write is limited (else the filter need not find out who is calling). */
    boolean limitsClients() {
        return enabled && (reads.enabled() || writes.enabled());
    }

    boolean limitsTokenAddresses() {
        return enabled && tokenAddresses.enabled();
    }

    long read(String client) {
        return enabled ? reads.acquire(client) : 0;
    }

    long write(String client) {
        return enabled ? writes.acquire(client) : 0;
    }

    long tokenFromAddress(String address) {
        return enabled ? tokenAddresses.acquire(address) : 0;
    }

    ClientAddress addresses() {
        return addresses;
    }

    /**
     * One {@code POST /v1/token} attempt naming {@code clientId} (the assertion's {@code iss}, whether or not such a
     * client exists): the token endpoint calls this before it looks the client up.
     *
     * @throws TooManyRequests when that client_id had its attempts of the minute
     */
    public void tokenAttemptFor(String clientId) {
        long wait = enabled ? tokenClients.acquire(clientId) : 0;
        if (wait > 0) {
            throw new TooManyRequests(Limiter.retryAfterSeconds(wait), "too many token requests for this client_id: at most "
                    + config.tokenPerClientPerMinute() + " a minute");
        }
    }
}
