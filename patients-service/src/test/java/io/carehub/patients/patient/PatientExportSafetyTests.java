package io.carehub.patients.patient;

import static io.carehub.patients.TestApi.createPatient;
import static io.carehub.patients.TestApi.grace;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 8, item 5: exports do not attack the spreadsheets they are opened in, and an export that fails
 * midway never looks complete.
 */
@QuarkusTest
class PatientExportSafetyTests {

    static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";
    static final String HEADER = String.join(",", PatientFields.COLUMNS) + "\r\n";
    /** The end of a chunked body (RFC 9112 §7.1): the last, empty chunk. */
    static final String LAST_CHUNK = "0\r\n\r\n";

    final String tenant = TestHttp.newTenant("export-safety");
    final String all = TestTokens.token(tenant, "all");
    final String reader = TestTokens.token(tenant, "patients.read");

    @TestHTTPResource("/")
    URL base;

    @Test
    void aFormulaInACellIsWrittenAsTextWithAQuoteBeforeIt() {
        String id = createPatient(all, grace("first_name", HYPERLINK, "last_name", "-1+2", "city", "@SUM(A1)",
                "street", "+1 Main St", "county", "\tKings"));
        String csv = given().auth().oauth2(reader).get("/v1/exports/patients").then().statusCode(200)
                .header("Content-Type", "text/csv;charset=utf-8").extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(2, lines.length, csv);
        assertTrue(lines[1].startsWith(id + ",intake,,US/Eastern,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'-1+2,1906-12-09,"
                + "'+1 Main St,Apt 2,'@SUM(A1),'\tKings,10001,NY,US,"), lines[1]);
    }

    @Test
    void aMachineConsumerAsksForCellsAsTheyAre() {
        String id = createPatient(all, grace("first_name", HYPERLINK, "last_name", "-1+2"));
        String csv = given().auth().oauth2(reader).queryParam("csv_escape_formulas", "false").get("/v1/exports/patients")
                .then().statusCode(200).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(2, lines.length, csv);
        assertTrue(lines[1].startsWith(id + ",intake,,US/Eastern,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-1+2,1906-12-09,"),
                lines[1]);
        given().auth().oauth2(reader).queryParam("csv_escape_formulas", "true").get("/v1/exports/patients").then()
                .statusCode(200).body(containsString(",\"'=HYPERLINK("));
        for (String bad : new String[] { "", "no", "FALSE", "0" }) {
            given().auth().oauth2(reader).queryParam("csv_escape_formulas", bad).get("/v1/exports/patients").then()
                    .statusCode(400).body("errors[0].code", equalTo("bad_request"))
                    .body("errors[0].extra.path", equalTo("csv_escape_formulas"));
        }
        // A parameter of exports, not of Find.
        given().auth().oauth2(reader).queryParam("csv_escape_formulas", "false").get("/v1/patients").then()
                .statusCode(400).body("errors[0].extra.path", equalTo("csv_escape_formulas"));
    }

    @Test
    void theOpenApiDocumentOfEveryExportSaysSoAndShowsTheOptOut() {
        for (String c : List.of("patients", "phone_numbers", "email_addresses", "external_ids", "custom_data_type_records",
                "integration_tasks")) {
            String export = "paths['/v1/exports/" + c + "'].get";
            given().accept("application/json").get("/q/openapi").then().statusCode(200)
                    .body(export + ".description", containsString("is written with a ' before it"))
                    .body(export + ".parameters.find { it.name == 'csv_escape_formulas' }.in", equalTo("query"))
                    .body(export + ".parameters.find { it.name == 'csv_escape_formulas' }.schema.type", equalTo("boolean"))
                    .body(export + ".parameters.find { it.name == 'csv_escape_formulas' }.schema.default", equalTo(true));
        }
    }

    /**
     * The database fails after the header row went out (its backend is terminated while the first batch's
     * query waits on a lock): the response ends without the last chunk, the connection closed under it,
     * so the client sees an error, not a CSV of no rows. A export that succeeds ends with the last chunk.
     */
    @Test
    void anExportThatFailsMidwayIsCutOffNotCompleted() throws Exception {
        createPatient(all);
        String whole = exchange(null);
        assertTrue(whole.startsWith("HTTP/1.1 200"), whole);
        assertTrue(whole.endsWith(LAST_CHUNK), whole);

        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String user = ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
        String password = ConfigProvider.getConfig().getValue("quarkus.datasource.password", String.class);
        try (Connection locker = DriverManager.getConnection(url, user, password);
                Connection killer = DriverManager.getConnection(url, user, password)) {
            locker.setAutoCommit(false);
            try (Statement s = locker.createStatement()) {
                s.execute("LOCK TABLE patients IN ACCESS EXCLUSIVE MODE");
            }
            String cut = exchange(() -> terminateTheQueryWaitingOn(killer));
            locker.rollback();
            assertTrue(cut.startsWith("HTTP/1.1 200"), cut);
            assertTrue(cut.toLowerCase().contains("transfer-encoding: chunked"), cut);
            assertTrue(cut.contains(HEADER), cut);
            assertFalse(cut.endsWith(LAST_CHUNK), cut);
        }
        // The service is fine afterwards.
        given().auth().oauth2(reader).get("/v1/exports/patients").then().statusCode(200);
    }

    interface Step {
        void run() throws Exception;
    }

    /**
     * The raw HTTP/1.1 exchange of an export, read until the server closes the connection; {@code onHeader}
     * runs once the CSV header row has arrived.
     */
    private String exchange(Step onHeader) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /v1/exports/patients HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAuthorization: Bearer " + reader + "\r\nAccept: text/csv\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            boolean headerSeen = false;
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("the export neither ended nor was cut off: " + received, e);
                } catch (IOException reset) {
                    break;
                }
                if (n < 0) {
                    break;
                }
                received.write(buffer, 0, n);
                if (!headerSeen && received.toString(StandardCharsets.UTF_8).contains(HEADER)) {
                    headerSeen = true;
                    if (onHeader != null) {
                        onHeader.run();
                    }
                }
            }
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    /** Terminates the backend whose query waits on the lock of {@code patients}, once it waits. */
    private static void terminateTheQueryWaitingOn(Connection killer) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        try (Statement s = killer.createStatement()) {
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet waiting = s.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE wait_event_type = 'Lock' AND query ILIKE '%patients%' AND pid <> pg_backend_pid()")) {
                    if (waiting.next()) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("no export query came to wait on the lock");
    }
}
