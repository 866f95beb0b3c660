package io.carehub.patients;

import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.patients.TestApi.createPatient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A client that closes its connection mid-request is not a fault of ours: the write it sent finishes (or not)
 * cleanly, and nothing is logged as an error (the load runs saw Hibernate Reactive's "Session is closed").
 */
@QuarkusTest
class ClientGoneTests {

    @Inject
    Pool pool;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    final String tenant = TestHttp.newTenant("gone");
    final String all = TestTokens.token(tenant, "all");

    @Test
    void anUpdateWhoseClientLeftWhileItWaitedFinishesWithoutAnErrorLogged() throws Exception {
        String id = createPatient(all);
        List<LogRecord> errors = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        SqlConnection locker = pool.getConnection().await().atMost(Duration.ofSeconds(10));
        try {
            // Another transaction holds the patient, so the update waits for its lock.
            Transaction tx = locker.begin().await().atMost(Duration.ofSeconds(10));
            locker.preparedQuery("SELECT 1 FROM patients WHERE id = $1 FOR UPDATE").execute(Tuple.of(UUID.fromString(id)))
                    .await().atMost(Duration.ofSeconds(10));
            String body = "{\"first_name\": \"Ada\"}";
            try (Socket client = new Socket("127.0.0.1", port)) {
                OutputStream out = client.getOutputStream();
                out.write(("PUT /v1/patients/" + id + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + all
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                awaitAWaitForALock();
            } // the client goes away while its update waits
            TestEvents.pause();
            tx.commit().await().atMost(Duration.ofSeconds(10));
        } finally {
            locker.close().await().atMost(Duration.ofSeconds(10));
        }
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            String firstName;
            do {
                firstName = get(all, "/v1/patients/" + id).statusCode(200).extract().path("data.first_name");
                if (!"Ada".equals(firstName)) {
                    TestEvents.pause();
                }
            } while (!"Ada".equals(firstName) && Instant.now().isBefore(deadline));
            assertEquals("Ada", firstName, "the update the client sent finished");
            assertTrue(errors.isEmpty(), () -> "logged as errors: " + errors.stream()
                    .map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
        } finally {
            root.removeHandler(capture);
        }
    }

    /** Until a backend of this database waits for a lock (the update), or the deadline. */
    private void awaitAWaitForALock() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            long waiting = pool.query("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND wait_event_type = 'Lock'").execute().await().atMost(Duration.ofSeconds(10))
                    .iterator().next().getLong("n");
            if (waiting > 0) {
                return;
            }
            TestEvents.pause();
        }
        throw new AssertionError("the update never waited for the lock");
    }
}
