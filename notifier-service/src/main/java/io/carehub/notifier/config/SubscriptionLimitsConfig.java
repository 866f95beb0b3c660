package io.carehub.notifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Bounds on webhook subscriptions (issue: one tenant's endpoints must not starve the others'):
 * {@code WEBHOOK_MAX_SUBSCRIPTIONS_PER_TENANT}.
 */
@ConfigMapping(prefix = "carehub.subscription-limits")
public interface SubscriptionLimitsConfig {

    /** Live (not deleted) subscriptions a tenant may have; a Create past it is {@code 400}. */
    @WithDefault("100")
    int maxPerTenant();
}
