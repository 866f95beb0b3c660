package io.carehub.patients.externalid;

import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.commons.testing.TestHttp.put;
import static io.carehub.commons.testing.TestHttp.with;
import static io.carehub.patients.TestApi.createPatient;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.carehub.commons.testing.CollectionContract;
import io.carehub.commons.testing.TestHttp;
import io.carehub.commons.testing.TestHttp.BadInput;
import io.carehub.commons.testing.TestTokens;
import io.carehub.patients.TestApi;
import io.carehub.patients.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class ExternalIdResourceTests extends CollectionContract {

    @Override
    protected String collection() {
        return "external_ids";
    }

    @Override
    protected String service() {
        return "patients-service";
    }

    @Override
    protected String marker() {
        return TestEvents.marker();
    }

    @Override
    protected boolean hasUpdate() {
        return true;
    }

    @Override
    protected List<String> fields() {
        return List.of("id", "resource", "namespace", "external_id", "welkin_id", "created_at", "updated_at");
    }

    @Override
    protected String exportHeader() {
        return "id,resource,namespace,external_id,welkin_id,created_at,updated_at";
    }

    @Override
    protected List<String> createOnlyFields() {
        return List.of();
    }

    /** Copies must differ in external_id: one per (namespace, resource, external_id) in a tenant. */
    @Override
    protected String copyChanges() {
        return "jsonb_build_object('external_id', x.external_id || '-' || i)";
    }

    @Override
    protected String validBody() {
        return body("patients", "ehr", "MRN-" + UUID.randomUUID(), createPatient(all));
    }

    static String body(String resource, String namespace, String externalId, String welkinId) {
        return """
                {"resource": "%s", "namespace": "%s", "external_id": "%s", "welkin_id": "%s"}"""
                .formatted(resource, namespace, externalId, welkinId);
    }

    @Test
    void createWithTheReferenceExampleReturnsEveryValue() {
        String patient = createPatient(all);
        String id = post(all, path(), body("patients", "ehr", "MRN-1906", patient)).statusCode(200)
                .body("data.resource", equalTo("patients"))
                .body("data.namespace", equalTo("ehr"))
                .body("data.external_id", equalTo("MRN-1906"))
                .body("data.welkin_id", equalTo(patient))
                .extract().path("data.id");
        get(reader, path() + "/" + id).statusCode(200).body("data.external_id", equalTo("MRN-1906"));
    }

    @Test
    void updateKeepsFieldsLeftOutAndMovesUpdatedAtForward() {
        String patient = createPatient(all);
        String id = post(all, path(), body("patients", "ehr", "MRN-1", patient)).statusCode(200).extract().path("data.id");
        String before = get(reader, path() + "/" + id).extract().path("data.updated_at");
        put(all, path() + "/" + id, "{\"external_id\": \"MRN-2\"}").statusCode(200)
                .body("data.external_id", equalTo("MRN-2"));
        String after = get(reader, path() + "/" + id).statusCode(200)
                .body("data.resource", equalTo("patients"))
                .body("data.namespace", equalTo("ehr"))
                .body("data.welkin_id", equalTo(patient))
                .body("data.external_id", equalTo("MRN-2"))
                .extract().path("data.updated_at");
        assertTrue(TestHttp.instant(after).isAfter(TestHttp.instant(before)));
        put(all, path() + "/" + id, "{\"namespace\": null}").statusCode(400)
                .body("errors[0].code", equalTo("bad_request")).body("errors[0].extra.path", equalTo(".namespace"));
    }

    @Test
    void findFiltersByResourceNamespaceExternalIdAndWelkinId() {
        String grace = createPatient(all);
        String worker = UUID.randomUUID().toString();
        String ehr = post(all, path(), body("patients", "ehr", "MRN-1", grace)).statusCode(200).extract().path("data.id");
        String lab = post(all, path(), body("patients", "lab", "L-1", grace)).statusCode(200).extract().path("data.id");
        String hr = post(all, path(), body("workers", "hr", "MRN-1", worker)).statusCode(200).extract().path("data.id");
        get(reader, path() + "?resource=patients").statusCode(200).body("data.id", contains(ehr, lab));
        get(reader, path() + "?resource=workers").statusCode(200).body("data.id", contains(hr));
        get(reader, path() + "?namespace=lab").statusCode(200).body("data.id", contains(lab));
        get(reader, path() + "?external_id=MRN-1").statusCode(200).body("data.id", contains(ehr, hr));
        get(reader, path() + "?welkin_id=" + grace).statusCode(200).body("data.id", contains(ehr, lab));
        get(reader, path() + "?namespace=ehr&resource=patients&external_id=MRN-1").statusCode(200)
                .body("data.id", contains(ehr));
        get(reader, path() + "?namespace=EHR").statusCode(200).body("data.size()", equalTo(0));
        get(reader, path() + "?welkin_id=abc").statusCode(400)
                .body("errors[0].code", equalTo("bad_request")).body("errors[0].extra.path", equalTo("welkin_id"));
        get(reader, path() + "?user_id=" + grace).statusCode(400)
                .body("errors[0].code", equalTo("bad_request")).body("errors[0].extra.path", equalTo("user_id"));
        String csv = get(reader, "/v1/exports/external_ids?namespace=lab").statusCode(200).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(2, lines.length, csv);
        assertTrue(lines[1].startsWith(lab + ",patients,lab,L-1," + grace + ","), lines[1]);
    }

    @Test
    void aDuplicateNamespaceResourceAndExternalIdInTheTenantIsAUniquenessException() {
        String grace = createPatient(all);
        String first = post(all, path(), body("patients", "ehr", "MRN-1", grace)).statusCode(200).extract().path("data.id");
        List<String> events = new ArrayList<>();
        TestEvents.publishedBy(tenant, () -> post(all, path(), body("patients", "ehr", "MRN-1", UUID.randomUUID().toString()))
                .statusCode(400)
                .body("errors.size()", equalTo(1))
                .body("errors[0].status", equalTo(400))
                .body("errors[0].code", equalTo("uniqueness_exception"))
                .body("errors[0].extra.path", equalTo(".external_id")))
                .forEach(e -> events.add(e.toString()));
        assertEquals(List.of(), events, "nothing published");
        get(reader, path()).statusCode(200).body("data.id", contains(first));
        // Any one of the three different is another external id; so is the same in another tenant.
        post(all, path(), body("patients", "lab", "MRN-1", grace)).statusCode(200);
        post(all, path(), body("workers", "ehr", "MRN-1", UUID.randomUUID().toString())).statusCode(200);
        post(all, path(), body("patients", "ehr", "mrn-1", grace)).statusCode(200);
        String stranger = TestTokens.token(TestHttp.newTenant("stranger"), "all");
        post(stranger, path(), body("patients", "ehr", "MRN-1", createPatient(stranger))).statusCode(200);
    }

    @Test
    void anUpdateThatMakesADuplicateIsAUniquenessExceptionAndChangesNothing() {
        String grace = createPatient(all);
        post(all, path(), body("patients", "ehr", "MRN-1", grace)).statusCode(200);
        String other = post(all, path(), body("patients", "ehr", "MRN-2", grace)).statusCode(200).extract().path("data.id");
        put(all, path() + "/" + other, "{\"external_id\": \"MRN-1\"}").statusCode(400)
                .body("errors[0].code", equalTo("uniqueness_exception"))
                .body("errors[0].extra.path", equalTo(".external_id"));
        get(reader, path() + "/" + other).statusCode(200).body("data.external_id", equalTo("MRN-2"));
    }

    @Test
    void ofConcurrentCreatesOfOneExternalIdExactlyOneSucceeds() throws Exception {
        String grace = createPatient(all);
        String body = body("patients", "ehr", "MRN-RACE", grace);
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<ExtractableResponse<Response>> create = () -> {
                    start.await();
                    return post(all, path(), body).extract();
                };
                answers.add(pool.submit(create));
            }
            start.countDown();
            int created = 0;
            for (Future<ExtractableResponse<Response>> answer : answers) {
                ExtractableResponse<Response> r = answer.get();
                if (r.statusCode() == 200) {
                    created++;
                } else {
                    assertEquals(400, r.statusCode(), r.asString());
                    assertEquals("uniqueness_exception", r.path("errors[0].code"));
                    assertEquals(".external_id", r.path("errors[0].extra.path"));
                }
            }
            assertEquals(1, created);
        } finally {
            pool.shutdownNow();
        }
        get(reader, path() + "?external_id=MRN-RACE").statusCode(200).body("data.size()", equalTo(1));
    }

    @Test
    void eachRuleAloneIsAnsweredWithItsCodeAndPathAndNothingIsStored() {
        String grace = createPatient(all);
        TestHttp.assertEachRefused(all, path(), body("patients", "ehr", "MRN-1", grace), List.of(
                new BadInput("resource", TestHttp.ABSENT, "bad_request"),
                new BadInput("resource", "", "bad_request"),
                new BadInput("namespace", TestHttp.ABSENT, "bad_request"),
                new BadInput("namespace", null, "bad_request"),
                new BadInput("external_id", TestHttp.ABSENT, "bad_request"),
                new BadInput("external_id", 1906, "parse_exception"),
                new BadInput("welkin_id", TestHttp.ABSENT, "bad_request"),
                new BadInput("welkin_id", "not-a-guid", "bad_request"),
                new BadInput("welkin_id", List.of(grace), "parse_exception"),
                new BadInput("user_id", grace, "bad_request")));
        get(reader, path()).statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void externalIdsMadeWithAPatientAreFoundByWelkinIdAndClashWithStandaloneOnes() {
        String grace = createPatient(all, TestApi.grace("external_ids",
                List.of(java.util.Map.of("namespace", "ehr", "external_id", "MRN-7", "resource", "patients"))));
        get(reader, path() + "?welkin_id=" + grace).statusCode(200)
                .body("data.namespace", contains("ehr"))
                .body("data.resource", contains("patients"));
        post(all, path(), body("patients", "ehr", "MRN-7", grace)).statusCode(400)
                .body("errors[0].code", equalTo("uniqueness_exception"));
        get(reader, path()).statusCode(200).body("data.external_id", containsInAnyOrder("MRN-7"));
    }
}
