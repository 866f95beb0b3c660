package io.carehub.commons.access;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.carehub.commons.errors.ApiException;
import io.carehub.commons.security.Caller;
import io.carehub.commons.security.PlatformSecret;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;

/**
 * The roles and security policies of each tenant (API-CORE.md §C9), as this service enforces them: read from
 * notifier-service ({@code GET /internal/access/<tenant>}) when first needed, kept, and read again once a change event
 * of the tenant's roles or policies arrives ({@link #changed}, from notifier-service's change topic) or, should an
 * event be missed, once {@code carehub.access.max-age} has passed. So a change takes effect within the event's way
 * here (about a second), at most that age, with no new token. A client with no roles costs nothing here.
 */
// Looked up where no bean injects it (CollectionEndpoints): kept though unused by injection.
@io.quarkus.arc.Unremovable
@ApplicationScoped
public class AccessDefinitions {

    private static final Logger LOG = Logger.getLogger(AccessDefinitions.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How many distinct sets of roles a tenant's definitions keep resolved (tokens name the roles their client has). */
    private static final int RESOLVED_MAX = 1_000;

    /** A tenant's roles as last read, and what each set of roles a token named resolved to, until they are read again. */
    private record Definitions(Map<String, List<JsonNode>> rulesByRole, Instant read, Map<List<String>, Access> resolved) {

        Access of(List<String> roles) {
            Access known = resolved.get(roles);
            if (known != null) {
                return known;
            }
            List<JsonNode> rules = new ArrayList<>();
            // A role the tenant no longer has (deleted while a token names it) grants nothing.
            roles.forEach(role -> rules.addAll(rulesByRole.getOrDefault(role, List.of())));
            Access access = Access.of(rules);
            if (resolved.size() < RESOLVED_MAX) {
                resolved.put(List.copyOf(roles), access);
            }
            return access;
        }
    }

    private final Map<String, Definitions> byTenant = new ConcurrentHashMap<>();
    private final Optional<String> notifierUrl;
    private final Duration maxAge;
    private final Duration askTimeout;
    private final PlatformSecret secret;
    private final HttpClient http;

    public AccessDefinitions(@ConfigProperty(name = "carehub.revocation.notifier-url") Optional<String> notifierUrl,
            @ConfigProperty(name = "carehub.access.max-age", defaultValue = "30s") Duration maxAge,
            @ConfigProperty(name = "carehub.access.ask-timeout", defaultValue = "2s") Duration askTimeout,
            PlatformSecret secret, Vertx vertx) {
        this.notifierUrl = notifierUrl;
        this.maxAge = maxAge;
        this.askTimeout = askTimeout;
        this.secret = secret;
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) askTimeout.toMillis()));
    }

    /** What the caller's roles allow: {@link Access#UNRESTRICTED} for a client with none. */
    public Uni<Access> of(Caller caller) {
        List<String> roles = caller.roles();
        if (roles.isEmpty()) {
            return Uni.createFrom().item(Access.UNRESTRICTED);
        }
        return definitions(caller.tenant()).map(d -> d.of(roles));
    }

    /** A role or policy of {@code tenant} changed: read its definitions again when next needed. */
    public void changed(String tenant) {
        byTenant.remove(tenant);
    }

    private Uni<Definitions> definitions(String tenant) {
        Definitions known = byTenant.get(tenant);
        if (known != null && known.read().plus(maxAge).isAfter(Instant.now())) {
            return Uni.createFrom().item(known);
        }
        return fetch(tenant).invoke(d -> byTenant.put(tenant, d));
    }

    private Uni<Definitions> fetch(String tenant) {
        String base = notifierUrl.orElse("");
        if (base.isBlank() || secret.value().isEmpty()) {
            return Uni.createFrom().failure(unavailable());
        }
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        Instant asked = Instant.now();
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET)
                .setAbsoluteURI(base + "/internal/access/" + URLEncoder.encode(tenant, StandardCharsets.UTF_8).replace("+", "%20"))
                .putHeader(PlatformSecret.HEADER, secret.value().get()).putHeader("Accept", "application/json");
        return http.request(request)
                .chain(r -> r.send())
                .chain(response -> response.body().map(body -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("notifier-service answered " + response.statusCode());
                    }
                    return body.toString();
                }))
                .ifNoItem().after(askTimeout).fail()
                .map(body -> parse(body, asked))
                .onFailure().transform(e -> {
                    // Fails closed: a client with roles is not served what its roles may not allow.
                    LOG.warnf("access: the roles of a tenant could not be read from notifier-service (%s)", e.toString());
                    return unavailable();
                });
    }

    private static Definitions parse(String body, Instant read) {
        try {
            Map<String, List<JsonNode>> byRole = new ConcurrentHashMap<>();
            JSON.readTree(body).path("roles").fields().forEachRemaining(role -> {
                List<JsonNode> rules = new ArrayList<>();
                role.getValue().forEach(rules::add);
                byRole.put(role.getKey(), List.copyOf(rules));
            });
            return new Definitions(Map.copyOf(byRole), read, new ConcurrentHashMap<>());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("notifier-service's access definitions are not JSON", e);
        }
    }

    private static ApiException unavailable() {
        return ApiException.unavailable("the client's roles cannot be read now", Duration.ofSeconds(1));
    }
}
