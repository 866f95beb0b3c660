package io.carehub.notifier.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The API client a fresh install starts with (API.md §1): {@code BOOTSTRAP_CLIENT_ID},
 * {@code BOOTSTRAP_CLIENT_SECRET} (at least 32 bytes), {@code BOOTSTRAP_CLIENT_TENANT}, {@code BOOTSTRAP_CLIENT_SCOPES},
 * {@code BOOTSTRAP_CLIENT_ENVIRONMENTS}.
 * They seed the client once: a client that exists with this id is never changed by them again. Without a client
 * id there is no bootstrap client.
 */
@ConfigMapping(prefix = "carehub.bootstrap-client")
public interface BootstrapClientConfig {

    Optional<String> clientId();

    Optional<String> secret();

    @WithDefault("default")
    String tenant();

    /** Space- (or comma-) separated. */
    @WithDefault("all admin webhooks operator")
    String scopes();

    /** Space- (or comma-) separated; the first is where a token that names none works. */
    @WithDefault("live sandbox")
    String environments();
}
