package io.carehub.commons.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The migration to environments (API-CORE.md §C1) applied to a database holding v1 data: a fresh database on the tests'
 * server is migrated as a v1 installation was (the service's migrations up to its last v1 version, and the shared
 * {@code known_references} table as v1 left it), filled with the service's v1 data ({@code v1DataScript}, a test
 * resource), then migrated to the present, as an upgrade does. Every row must still be there, each in {@code live}.
 */
public final class EnvironmentsMigration {

    /** The shared migration of references as v1 left it (the later ones partition it). */
    private static final String V1_REFERENCES = "db/references/V0_2__known_references.sql";

    private EnvironmentsMigration() {
    }

    /**
     * @param lastV1Version the service's last migration before environments ({@code 3} for {@code V3__...})
     * @param v1DataScript  a test resource of INSERTs into the v1 tables (known_references included where the service
     *                      has references)
     * @param tenantWide    the tables of the service that have no environment: tenant-wide records (api_clients) and
     *                      rows confined through another row (a subscription's pending ranges and deliveries)
     * @return the upgraded database, for the service's own further checks
     */
    public static Upgraded assertV1DataMigratesToLive(String lastV1Version, String v1DataScript, String... tenantWide) {
        TestPostgres.Server server = TestPostgres.server();
        String url = server.jdbcUrl(TestPostgres.newDatabase());
        // As v1 left it: the service's migrations up to its last v1 version, with the shared ones of then (a copy of the
        // references' v1 script, same name and checksum, stands for its location, whose later scripts v1 did not have).
        migrate(configure(server, url, "db/outbox", "db/migration", "filesystem:" + v1References()).target(lastV1Version));
        Map<String, Long> before;
        try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
                Statement s = c.createStatement()) {
            s.execute(resource(v1DataScript));
            before = counts(c, dataTables(c));
        } catch (SQLException e) {
            throw new AssertionError("cannot load " + v1DataScript, e);
        }
        assertFalse(before.isEmpty(), "the v1 data names tables");
        before.forEach((table, n) -> assertTrue(n > 0, v1DataScript + " has no row of " + table));

        migrate(configure(server, url, "db/outbox", "db/references", "db/migration"));

        try (Connection c = DriverManager.getConnection(url, server.user(), server.password())) {
            List<String> partitioned = columnTables(c, "environment");
            List<String> expected = before.keySet().stream().filter(t -> !List.of(tenantWide).contains(t)).toList();
            assertTrue(partitioned.containsAll(expected), "every v1 data table has an environment now: " + partitioned);
            Map<String, Long> after = counts(c, dataTables(c));
            assertEquals(before, after, "every row is still there");
            for (String table : partitioned) {
                assertEquals(0L, count(c, "SELECT count(*) FROM " + table + " WHERE environment IS DISTINCT FROM 'live'"),
                        table + ": every row is live's");
            }
            return new Upgraded(server, url, after);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** The upgraded database: its row counts per table, and a count by any query. */
    public record Upgraded(TestPostgres.Server server, String jdbcUrl, Map<String, Long> rows) {

        public long count(String sql) {
            try (Connection c = DriverManager.getConnection(jdbcUrl, server.user(), server.password())) {
                return EnvironmentsMigration.count(c, sql);
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static String v1References() {
        try {
            Path folder = Files.createTempDirectory("v1-references");
            Path script = folder.resolve(Path.of(V1_REFERENCES).getFileName());
            Files.writeString(script, resource(V1_REFERENCES));
            script.toFile().deleteOnExit();
            folder.toFile().deleteOnExit();
            return folder.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FluentConfiguration configure(TestPostgres.Server server, String url, String... locations) {
        return Flyway.configure().dataSource(url, server.user(), server.password()).locations(locations).outOfOrder(true);
    }

    private static void migrate(FluentConfiguration configuration) {
        configuration.load().migrate();
    }

    /** The tables holding data: every table of the schema but Flyway's and the outbox's. */
    private static List<String> dataTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                + " AND table_name NOT IN ('flyway_schema_history', 'outbox_events') ORDER BY table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static List<String> columnTables(Connection c, String column) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND column_name = '" + column + "' ORDER BY table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static Map<String, Long> counts(Connection c, List<String> tables) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
            long n = count(c, "SELECT count(*) FROM " + table);
            if (n > 0) {
                counts.put(table, n);
            }
        }
        return counts;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String resource(String name) {
        try (InputStream in = EnvironmentsMigration.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
