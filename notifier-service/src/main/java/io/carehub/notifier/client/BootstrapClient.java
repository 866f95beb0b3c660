package io.carehub.notifier.client;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.carehub.commons.errors.DatabaseErrors;
import io.carehub.commons.security.Scopes;
import io.carehub.notifier.config.BootstrapClientConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The API client a fresh install starts with (API.md §1), from {@code BOOTSTRAP_CLIENT_*}. At start it is
 * created if missing, or its secret, scopes and tenant are brought in line with configuration, which is
 * the source of truth for it (see {@link ApiClientService#syncBootstrap}). A misconfiguration (an id
 * without a secret, a malformed scope) stops the start; the database work runs reactively afterwards.
 */
@ApplicationScoped
public class BootstrapClient {

    private static final Logger LOG = Logger.getLogger(BootstrapClient.class);

    private final BootstrapClientConfig config;
    private final ApiClientService service;

    public BootstrapClient(BootstrapClientConfig config, ApiClientService service) {
        this.config = config;
        this.service = service;
    }

    void onStart(@Observes StartupEvent event, Vertx vertx) {
        if (config.clientId().filter(id -> !id.isBlank()).isEmpty()) {
            LOG.info("no bootstrap API client configured (BOOTSTRAP_CLIENT_ID is not set)");
            return;
        }
        checkConfiguration();
        // Hibernate Reactive needs a safe Vert.x context of its own; StartupEvent comes on the main thread.
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> sync().subscribe().with(
                client -> LOG.infof("bootstrap API client %s ready in tenant %s with scopes %s", client.clientId,
                        client.tenant, String.join(" ", client.scopes)),
                failure -> LOG.errorf(failure, "cannot create or update the bootstrap API client %s",
                        config.clientId().get())));
    }

    /** Creates or updates the bootstrap client; once more if another replica created it meanwhile. */
    public Uni<ApiClient> sync() {
        String clientId = config.clientId().orElseThrow().strip();
        String secret = config.secret().orElseThrow();
        String tenant = config.tenant().strip();
        List<String> scopes = scopes();
        return service.syncBootstrap(clientId, secret, tenant, scopes)
                .onFailure(e -> DatabaseErrors.isUniqueViolation(e, ApiClientService.CLIENT_ID_UNIQUE))
                .recoverWithUni(() -> service.syncBootstrap(clientId, secret, tenant, scopes));
    }

    private void checkConfiguration() {
        if (config.secret().filter(s -> !s.isEmpty()).isEmpty()) {
            throw new IllegalStateException("BOOTSTRAP_CLIENT_ID is set but BOOTSTRAP_CLIENT_SECRET is not");
        }
        if (config.tenant().isBlank()) {
            throw new IllegalStateException("BOOTSTRAP_CLIENT_TENANT must not be empty");
        }
        List<String> scopes = scopes();
        if (scopes.isEmpty()) {
            throw new IllegalStateException("BOOTSTRAP_CLIENT_SCOPES must name at least one scope");
        }
        for (String scope : scopes) {
            if (!Scopes.isWellFormed(scope)) {
                throw new IllegalStateException("BOOTSTRAP_CLIENT_SCOPES: '" + scope
                        + "' is not a scope (all, admin, webhooks or <collection>.read|write)");
            }
        }
    }

    private List<String> scopes() {
        return List.copyOf(new LinkedHashSet<>(Arrays.stream(config.scopes().split("[\\s,]+"))
                .filter(s -> !s.isEmpty()).toList()));
    }
}
