package io.carehub.commons.ratelimit;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import io.github.bucket4j.TimeMeter;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The buckets of this instance: reads and writes per client, token requests per {@code client_id} and per address
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
        this.tokenClients = new Limiter(config.tokenPerClient(), config.tokenPerClient(), config.tokenPerClientPeriod(), max,
                clock);
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

    long read(String client) {
        return enabled ? reads.acquire(client) : 0;
    }

    long write(String client) {
        return enabled ? writes.acquire(client) : 0;
    }

    /**
     * One token request naming {@code clientId} (a JWT-bearer assertion's {@code iss}, the client credentials grant's
     * {@code client_id}; whether or not such a client exists): the token endpoint calls this before it looks the
     * client up, so that guessing one client's secret slows to this limit.
     *
     * @throws TooManyRequests when that client_id had its requests of the period
     */
    public void tokenAttemptFor(String clientId) {
        long wait = enabled ? tokenClients.acquire(clientId) : 0;
        if (wait > 0) {
            throw new TooManyRequests(Limiter.retryAfterSeconds(wait), "too many token requests for this client_id: at most "
                    + config.tokenPerClient() + " " + per(config.tokenPerClientPeriod()));
        }
    }

    /**
     * One token request from {@code request}'s remote address ({@link ClientAddress}: the TCP peer, or the address the
     * trusted gateway saw), counted whatever the request holds. The token endpoint calls this before it reads anything
     * of the body and answers the refusal once it knows in which shape (API.md §2's or RFC 6749's).
     *
     * @return null within the limit, else the refusal to answer
     */
    public TooManyRequests tokenAttemptFrom(HttpServerRequest request) {
        if (!enabled || !tokenAddresses.enabled()) {
            return null;
        }
        // The TCP peer itself: request.remoteAddress() is already X-Forwarded-For's first (client-written) entry.
        SocketAddress peer = request.connection() == null ? null : request.connection().remoteAddress();
        String address = addresses.of(peer == null ? null : peer.hostAddress(), request.headers().getAll("X-Forwarded-For"));
        long wait = tokenAddresses.acquire(address);
        return wait == 0 ? null : new TooManyRequests(Limiter.retryAfterSeconds(wait),
                "too many token requests from this address: at most " + config.tokenPerAddressPerMinute() + " a minute");
    }

    /** "a minute", "per 5 minutes", "per 30 seconds": the period of a limit, as its message says it. */
    static String per(Duration period) {
        if (period.equals(Duration.ofMinutes(1))) {
            return "a minute";
        }
        if (period.equals(Duration.ofHours(1))) {
            return "an hour";
        }
        if (period.equals(Duration.ofSeconds(1))) {
            return "a second";
        }
        if (period.toSeconds() % 3600 == 0 && period.toNanosPart() == 0) {
            return "per " + period.toHours() + " hours";
        }
        if (period.toSeconds() % 60 == 0 && period.toNanosPart() == 0) {
            return "per " + period.toMinutes() + " minutes";
        }
        return "per " + period.toSeconds() + " seconds";
    }
}
