package io.carehub.notifier.subscription;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Private URLs refused (the production default), quick failures, and a failure window of two seconds. */
public class StrictWebhooksProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "carehub.webhooks.allow-private-urls", "false",
                "carehub.webhooks.dispatcher.disable-after", "2s",
                "carehub.webhooks.dispatcher.request-timeout", "1s");
    }
}
