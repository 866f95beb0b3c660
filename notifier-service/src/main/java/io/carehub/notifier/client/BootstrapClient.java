package io.carehub.notifier.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.carehub.commons.errors.DatabaseErrors;
import io.carehub.commons.security.Scopes;
import io.carehub.commons.tenancy.Partition;
import io.carehub.notifier.config.BootstrapClientConfig;
import io.carehub.notifier.config.EnvironmentsConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The API client a fresh install starts with (API.md §1), from {@code BOOTSTRAP_CLIENT_*}. The configuration
 * seeds it once (see {@link ApiClientService#seedBootstrap}): when a client with its id exists, deleted,
 * rotated, narrowed or disabled, start changes nothing, so that what an operator did after a leak stays done.
 * A misconfiguration (an id without a secret, a secret shorter than 32 bytes, a scope that does not exist)
 * stops the start; the database work runs reactively afterwards.
 */
@ApplicationScoped
public class BootstrapClient {

    /** 256 bits: the secret keys HS256 assertions, and an operator's short secret could be guessed offline from one. */
    static final int MIN_SECRET_BYTES = 32;

    private static final Logger LOG = Logger.getLogger(BootstrapClient.class);

    private final BootstrapClientConfig config;
    private final EnvironmentsConfig environments;
    private final ApiClientService service;

    public BootstrapClient(BootstrapClientConfig config, EnvironmentsConfig environments, ApiClientService service) {
        this.config = config;
        this.environments = environments;
        this.service = service;
    }

    void onStart(@Observes StartupEvent event, Vertx vertx) {
        if (config.clientId().filter(id -> !id.isBlank()).isEmpty()) {
            LOG.info("no bootstrap API client configured (BOOTSTRAP_CLIENT_ID is not set)");
            return;
        }
        checkConfiguration(config, environments);
        // Hibernate Reactive needs a safe Vert.x context of its own; StartupEvent comes on the main thread.
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> seed().subscribe().with(
                seeded -> {
                    ApiClient client = seeded.client();
                    if (seeded.created()) {
                        LOG.infof("bootstrap API client %s created in tenant %s with scopes %s and environments %s",
                                client.clientId, client.tenant, String.join(" ", client.scopes),
                                String.join(" ", client.environments));
                    } else {
                        LOG.infof("bootstrap API client %s exists; left as it is (BOOTSTRAP_CLIENT_* only seed it)",
                                client.clientId);
                    }
                },
                failure -> LOG.errorf(failure, "cannot create the bootstrap API client %s", config.clientId().get())));
    }

    /** Creates the bootstrap client unless it exists; once more if another replica created it meanwhile. */
    public Uni<ApiClientService.Seeded> seed() {
        String clientId = config.clientId().orElseThrow().strip();
        String secret = config.secret().orElseThrow();
        String tenant = config.tenant().strip();
        List<String> scopes = scopes(config);
        List<String> granted = environments(config);
        return service.seedBootstrap(clientId, secret, tenant, scopes, granted)
                .onFailure(e -> DatabaseErrors.isUniqueViolation(e, ApiClientService.CLIENT_ID_UNIQUE))
                .recoverWithUni(() -> service.seedBootstrap(clientId, secret, tenant, scopes, granted));
    }

    /** Refuses a configuration that names a client but could not make a sound one. */
    static void checkConfiguration(BootstrapClientConfig config, EnvironmentsConfig platform) {
        String secret = config.secret().filter(s -> !s.isEmpty()).orElseThrow(() -> new IllegalStateException(
                "BOOTSTRAP_CLIENT_ID is set but BOOTSTRAP_CLIENT_SECRET is not"));
        int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_SECRET_BYTES) {
            throw new IllegalStateException("BOOTSTRAP_CLIENT_SECRET must be at least " + MIN_SECRET_BYTES
                    + " bytes (it is " + bytes + "); make one with: openssl rand -base64 32");
        }
        if (config.tenant().isBlank()) {
            throw new IllegalStateException("BOOTSTRAP_CLIENT_TENANT must not be empty");
        }
        if (Partition.isReservedTenantName(config.tenant().strip())) {
            throw new IllegalStateException("BOOTSTRAP_CLIENT_TENANT may not be " + config.tenant().strip()
                    + ": a collection's name, and the other first segments of /v1 paths, are reserved (API-CORE.md §C1)");
        }
        List<String> scopes = scopes(config);
        if (scopes.isEmpty()) {
            throw new IllegalStateException("BOOTSTRAP_CLIENT_SCOPES must name at least one scope");
        }
        for (String scope : scopes) {
            if (!Scopes.exists(scope)) {
                throw new IllegalStateException("BOOTSTRAP_CLIENT_SCOPES: '" + scope
                        + "' is not a scope (all, admin, operator, webhooks or <collection>.read|write)");
            }
        }
        List<String> environments = environments(config);
        if (environments.isEmpty()) {
            throw new IllegalStateException("BOOTSTRAP_CLIENT_ENVIRONMENTS must name at least one environment");
        }
        for (String environment : environments) {
            if (!platform.names().contains(environment)) {
                throw new IllegalStateException("BOOTSTRAP_CLIENT_ENVIRONMENTS: '" + environment
                        + "' is not one of the platform's environments (ENVIRONMENTS: " + String.join(", ", platform.names()) + ")");
            }
        }
    }

    private static List<String> scopes(BootstrapClientConfig config) {
        return names(config.scopes());
    }

    private static List<String> environments(BootstrapClientConfig config) {
        return names(config.environments());
    }

    /** A space- (or comma-) separated list; a repeated name counts once. */
    private static List<String> names(String list) {
        return List.copyOf(new LinkedHashSet<>(Arrays.stream(list.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList()));
    }
}
