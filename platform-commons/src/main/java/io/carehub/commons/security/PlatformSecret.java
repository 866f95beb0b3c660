package io.carehub.commons.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The secret the services present to one another on their internal endpoints ({@code /internal/...}, which the
 * gateway does not route): a service asking an owner whether an id exists is the platform asking, not the
 * caller, so that a caller with {@code patients.write} alone can still name a coach. Unset, internal endpoints
 * refuse everyone.
 */
@ApplicationScoped
public class PlatformSecret {

    /** The request header that carries it. */
    public static final String HEADER = "X-Platform-Secret";

    private final Optional<String> secret;

    public PlatformSecret(@ConfigProperty(name = "carehub.internal.secret") Optional<String> secret) {
        this.secret = secret.filter(s -> !s.isBlank());
    }

    public Optional<String> value() {
        return secret;
    }

    /** Whether {@code presented} is the secret (in constant time); never when none is configured. */
    public boolean matches(String presented) {
        return secret.isPresent() && presented != null
                && MessageDigest.isEqual(secret.get().getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
