package io.carehub.notifier.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The token endpoint (API.md §1): what assertions it accepts and what access tokens it issues. */
@ConfigMapping(prefix = "carehub.token")
public interface TokenConfig {

    /** {@code iss} of the access tokens: the {@code mp.jwt.verify.issuer} every service checks. */
    String issuer();

    /** The {@code aud} values an assertion may carry: the token endpoint's public URL(s). */
    List<String> audiences();

    /** How long an access token is valid ({@code expires_in}). */
    @WithDefault("3600s")
    Duration lifetime();

    /** How often used assertion ids ({@code jti}) past their expiry are forgotten (ReplayGuard's schedule reads it). */
    @WithDefault("10m")
    Duration replayPurgeInterval();
}
