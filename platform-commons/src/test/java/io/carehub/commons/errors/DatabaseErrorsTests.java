package io.carehub.commons.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgException;

class DatabaseErrorsTests {

    @Test
    void aDatabaseFailureIsDescribedBySqlStateAndConstraintNeverByTheDriversMessage() {
        PgException pg = new PgException("duplicate key value violates unique constraint \"workers_tenant_email_key\"",
                "ERROR", "23505", "Key (tenant, email)=(acme, grace@example.com) already exists.");
        String described = DatabaseErrors.describe(new CompletionException(pg));
        assertFalse(described.contains("grace@example.com"), described);
        assertFalse(described.contains("duplicate key"), described);
        assertEquals("SQLSTATE 23505 (java.util.concurrent.CompletionException < io.vertx.pgclient.PgException)", described);
    }

    @Test
    void otherFailuresAreNotDatabaseFailures() {
        assertNull(DatabaseErrors.describe(new IllegalStateException("x")));
    }
}
