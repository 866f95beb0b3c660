package io.carehub.notifier.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The key that encrypts API client secrets at rest (never stored in the database). */
@ConfigMapping(prefix = "carehub.secrets")
public interface SecretsConfig {

    /** Base64 of 32 random bytes ({@code SECRETS_ENCRYPTION_KEY}); required. */
    Optional<String> encryptionKey();
}
