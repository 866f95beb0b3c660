package io.carehub.commons.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aDatabaseThatCannotBeReachedOrWentAwayIsUnavailableHoweverItIsWrapped() {
        assertTrue(DatabaseErrors.isUnavailable(new CompletionException(new java.net.ConnectException("Connection refused"))));
        assertTrue(DatabaseErrors.isUnavailable(new io.smallrye.mutiny.CompositeException(
                new org.hibernate.HibernateException("x"), io.vertx.sqlclient.ClosedConnectionException.INSTANCE)));
        assertTrue(DatabaseErrors.isUnavailable(new org.hibernate.HibernateException(
                new PgException("terminating connection due to administrator command", "FATAL", "57P01", null))));
        assertTrue(DatabaseErrors.isUnavailable(new PgException("the database system is starting up", "FATAL", "57P03", null)));
        assertTrue(DatabaseErrors.isUnavailable(new PgException("sorry, too many clients already", "FATAL", "53300", null)));
        // What a write in flight got when PostgreSQL stopped (it was answered 500 instead of 503):
        assertTrue(DatabaseErrors.isUnavailable(new org.hibernate.HibernateException(
                new io.vertx.core.impl.NoStackTraceThrowable("Connection is not active now, current status: CLOSED"))));
        assertFalse(DatabaseErrors.isUnavailable(new io.vertx.core.impl.NoStackTraceThrowable("something else")));
    }

    @Test
    void aFailureOfTheRequestOrOfOurCodeIsNotUnavailability() {
        assertFalse(DatabaseErrors.isUnavailable(new PgException("duplicate key", "ERROR", "23505", null)));
        assertFalse(DatabaseErrors.isUnavailable(new IllegalStateException("x", new NullPointerException())));
    }
}
