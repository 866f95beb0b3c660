package io.carehub.patients;

import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.EnvironmentsMigration;

/**
 * API-CORE.md §C1: the migration to environments (V4) applied to a database holding v1 data leaves every row there,
 * in live. (Every other test runs on a database migrated the same way, from empty.)
 */
class EnvironmentsMigrationTests {

    @Test
    void v1DataIsAllLiveAfterTheUpgrade() {
        EnvironmentsMigration.assertV1DataMigratesToLive("3", "db/v1-data.sql");
    }
}
