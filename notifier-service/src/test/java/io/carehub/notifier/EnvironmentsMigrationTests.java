package io.carehub.notifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.EnvironmentsMigration;

/**
 * API-CORE.md §C1: the migration to environments (V5) applied to a database holding v1 data leaves every row there,
 * in live; every API client is granted live. (Every other test runs on a database migrated the same way, from empty.)
 */
class EnvironmentsMigrationTests {

    @Test
    void v1DataIsAllLiveAfterTheUpgrade() {
        var upgraded = EnvironmentsMigration.assertV1DataMigratesToLive("4", "db/v1-data.sql",
                "api_clients", "pending_ranges", "webhook_deliveries");
        // API clients stay the tenant's; each is granted live, the only environment there was.
        assertEquals(2, upgraded.count("SELECT count(*) FROM api_clients WHERE environments = '{live}'"));
        assertEquals(1, upgraded.count("SELECT count(*) FROM pending_ranges"));
    }
}
