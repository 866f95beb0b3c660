package io.carehub.patients.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** API.md §5: an export streams every row, in constant memory, however many there are. */
@QuarkusTest
class PatientExportTests {

    private static final Logger LOG = Logger.getLogger(PatientExportTests.class);
    static final int PATIENTS = 100_000;
    /** What the heap may grow by while the export runs (measured after GC); the rows themselves are ~25 MB. */
    static final long HEAP_GROWTH_LIMIT = 24L * 1024 * 1024;

    @Inject
    Pool pool;

    @TestHTTPResource("/v1/exports/patients")
    URL export;

    final String tenant = TestHttp.newTenant("export");

    @Test
    void aHundredThousandPatientsExportCompletelyWhileTheHeapStaysFlat() throws Exception {
        // Seeded in SQL: the API would take minutes; what is under test is the export.
        pool.preparedQuery("""
                INSERT INTO patients (id, tenant, environment, phase, timezone, first_name, last_name, birthday, street, city,
                                      zip_code, state, country, created_at, updated_at)
                SELECT gen_random_uuid(), $1, 'live', 'intake', 'US/Eastern', 'Grace', 'Hopper ' || i, date '1906-12-09',
                       i || ' Main St', 'New York', '10001', 'NY', 'US', now(), now() + i * interval '1 microsecond'
                FROM generate_series(1, $2) AS i""")
                .execute(Tuple.of(tenant, PATIENTS)).await().atMost(Duration.ofMinutes(2));
        Row spot = pool.preparedQuery("SELECT id, created_at, updated_at FROM patients WHERE tenant = $1"
                + " AND last_name = 'Hopper 54321'").execute(Tuple.of(tenant)).await().atMost(Duration.ofSeconds(30))
                .iterator().next();

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = heapAfterGc(memory);
        long peak = baseline;
        HttpRequest request = HttpRequest.newBuilder(export.toURI())
                .header("Authorization", "Bearer " + TestTokens.token(tenant, "patients.read")).build();
        long started = System.nanoTime();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        int rows = 0;
        String spotLine = null;
        String previousName = null;
        boolean ordered = true;
        try (BufferedReader csv = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertEquals(String.join(",", PatientFields.COLUMNS), csv.readLine());
            for (String line = csv.readLine(); line != null; line = csv.readLine()) {
                rows++;
                String lastName = line.split(",", -1)[5];
                ordered &= previousName == null || number(lastName) == number(previousName) + 1;
                previousName = lastName;
                if (lastName.equals("Hopper 54321")) {
                    spotLine = line;
                }
                if (rows % 20_000 == 0) {
                    peak = Math.max(peak, heapAfterGc(memory));
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long growth = peak - baseline;
        LOG.infof("exported %d patients in %.1f s (%.0f rows/s); heap after GC grew by %d MiB; peak RSS of the test JVM %s",
                rows, seconds, rows / seconds, growth / (1024 * 1024), peakRss());

        assertEquals(PATIENTS, rows);
        assertTrue(ordered, "rows in (updated_at, id) order");
        UUID id = spot.getUUID("id");
        assertEquals(id + ",intake,,US/Eastern,Grace,Hopper 54321,1906-12-09,54321 Main St,,New York,,10001,NY,US,"
                + io.carehub.commons.web.Timestamps.format(spot.getOffsetDateTime("created_at").toInstant()) + ","
                + io.carehub.commons.web.Timestamps.format(spot.getOffsetDateTime("updated_at").toInstant()) + ",", spotLine);
        assertTrue(growth < HEAP_GROWTH_LIMIT, "heap grew by " + growth + " bytes while exporting");
    }

    private static int number(String lastName) {
        return Integer.parseInt(lastName.substring("Hopper ".length()));
    }

    private static long heapAfterGc(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** VmHWM of this JVM (the test, the service, PostgreSQL's client side and the Kafka broker). */
    private static String peakRss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                    .map(l -> l.replaceAll("\\s+", " ")).findFirst().orElse("unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

}
