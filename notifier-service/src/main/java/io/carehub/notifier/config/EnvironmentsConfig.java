package io.carehub.notifier.config;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The environments of every tenant (API-CORE.md §C1): {@code ENVIRONMENTS}, at least {@code live} and
 * {@code sandbox}; the operator adds others here. An api_client may be granted only these.
 */
@ConfigMapping(prefix = "carehub.environments")
public interface EnvironmentsConfig {

    @WithDefault("live,sandbox")
    List<String> names();
}
