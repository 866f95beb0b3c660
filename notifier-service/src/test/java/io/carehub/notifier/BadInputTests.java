package io.carehub.notifier;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.carehub.commons.testing.BadInputContract;
import io.quarkus.test.junit.QuarkusTest;

/** Bad input everywhere, generated from the OpenAPI document (issue 13): {@link BadInputContract}. */
@QuarkusTest
class BadInputTests extends BadInputContract {

    @Override
    protected String service() {
        return "notifier-service";
    }

    @Override
    protected Map<String, String> validBodies() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("api_clients", "{\"name\": \"bad input\", \"scopes\": [\"all\"]}");
        // Inactive: nothing is delivered to it while the run goes on.
        bodies.put("webhook_subscriptions", "{\"url\": \"https://ehr.example.com/hooks/carehub\", \"active\": false}");
        bodies.put("security_policies", "{\"name\": \"p_" + java.util.UUID.randomUUID().toString().replace("-", "_")
                + "\", \"rules\": [{\"resource\": \"patients\", \"operations\": {\"read\": [\"*\"]}}]}");
        bodies.put("roles", "{\"name\": \"r_" + java.util.UUID.randomUUID().toString().replace("-", "_")
                + "\", \"policies\": []}");
        return bodies;
    }

    /** The change consumer merges other tests' leftover events into pending ranges; the dispatcher works them off. */
    @Override
    protected Set<String> tablesChangedInTheBackground() {
        return Set.of("pending_ranges", "inflight_ranges", "webhook_deliveries");
    }
}
