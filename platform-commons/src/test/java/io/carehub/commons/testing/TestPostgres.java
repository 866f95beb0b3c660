package io.carehub.commons.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for the tests of a service: embedded binaries from Maven Central (so the test command
 * needs only a JDK), started once per test JVM, with a fresh database. With {@code TEST_DB_HOST} set
 * (and {@code TEST_DB_PORT}, {@code TEST_DB_USER}, {@code TEST_DB_PASSWORD}) that server is used instead.
 */
public class TestPostgres implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres embedded;
    private static Map<String, String> config;
    private static Server server;

    /** The server the tests use, and how to sign in to it. */
    public record Server(String host, int port, String user, String password) {

        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    @Override
    public synchronized Map<String, String> start() {
        if (config == null) {
            config = startOnce();
        }
        return config;
    }

    @Override
    public void stop() {
        // Kept for the JVM's other test classes; the embedded server stops with the JVM.
    }

    private static Map<String, String> startOnce() {
        try {
            String host = System.getenv("TEST_DB_HOST");
            int port;
            String user;
            String password;
            if (host != null && !host.isBlank()) {
                port = Integer.parseInt(envOr("TEST_DB_PORT", "5432"));
                user = envOr("TEST_DB_USER", "postgres");
                password = envOr("TEST_DB_PASSWORD", "");
            } else {
                embedded = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::closeEmbedded));
                host = "localhost";
                port = embedded.getPort();
                user = "postgres";
                password = "postgres";
            }
            server = new Server(host, port, user, password);
            String database = createDatabase();
            return Map.of(
                    "quarkus.datasource.reactive.url", "postgresql://" + host + ":" + port + "/" + database,
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + host + ":" + port + "/" + database,
                    "quarkus.datasource.username", user,
                    "quarkus.datasource.password", password);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test PostgreSQL", e);
        }
    }

    /** A new, empty database on the tests' server (started if need be); its name. */
    public static synchronized String newDatabase() {
        if (config == null) {
            config = startOnce();
        }
        return createDatabase();
    }

    private static String createDatabase() {
        String database = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), server.password());
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
        return database;
    }

    public static synchronized Server server() {
        if (config == null) {
            config = startOnce();
        }
        return server;
    }

    private static void closeEmbedded() {
        try {
            if (embedded != null) {
                embedded.close();
            }
        } catch (Exception e) {
            // the JVM is going away
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
