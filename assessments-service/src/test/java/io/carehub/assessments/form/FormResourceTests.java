package io.carehub.assessments.form;

import static io.carehub.commons.testing.TestHttp.get;
import static io.carehub.commons.testing.TestHttp.post;
import static io.carehub.commons.testing.TestHttp.put;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.carehub.assessments.TestApi;
import io.carehub.commons.testing.CollectionContract;
import io.quarkus.test.junit.QuarkusTest;

/** Forms (API-CORE.md §C8): the collection's contract (tenant-wide, admin writes), questions and versions. */
@QuarkusTest
class FormResourceTests extends CollectionContract {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @Override
    protected String collection() {
        return "forms";
    }

    @Override
    protected String service() {
        return "assessments-service";
    }

    @Override
    protected String marker() {
        return TestApi.marker();
    }

    @Override
    protected boolean hasUpdate() {
        return true;
    }

    @Override
    protected boolean tenantWide() {
        return true;
    }

    @Override
    protected String writeScope() {
        return "admin";
    }

    @Override
    protected List<String> createOnlyFields() {
        return List.of("name");
    }

    @Override
    protected String copyChanges() {
        return "jsonb_build_object('name', x.name || '_' || i)";
    }

    @Override
    protected List<String> fields() {
        return List.of("id", "name", "title", "questions", "version", "created_at", "updated_at");
    }

    @Override
    protected String exportHeader() {
        return "id,name,title,questions,version,created_at,updated_at";
    }

    @Override
    protected String validBody() {
        return TestApi.formBody("check_in_" + NAMES.incrementAndGet(), TestApi.MOOD_QUESTIONS);
    }

    @Test
    void newQuestionsMakeANewVersionAndQuestionsFollowTheCustomDataTypeRules() {
        String id = post(all, path(), TestApi.formBody("check_in", TestApi.MOOD_QUESTIONS)).statusCode(200)
                .body("data.version", equalTo(1)).body("data.questions.name", contains("mood", "sleep_hours"))
                .body("data.questions[0].options", contains("low", "ok", "good"))
                .extract().path("data.id");
        put(all, path() + "/" + id, "{\"title\": \"Weekly check-in\"}").statusCode(200).body("data.version", equalTo(1));
        put(all, path() + "/" + id, "{\"questions\": [{\"name\": \"mood\", \"type\": \"integer\", \"min\": 1, \"max\": 5}]}")
                .statusCode(200).body("data.version", equalTo(2)).body("data.title", equalTo("Weekly check-in"));
        get(reader, path() + "/" + id).statusCode(200).body("data.version", equalTo(2))
                .body("data.questions[0].type", equalTo("integer"));
        post(all, path(), TestApi.formBody("check_in", TestApi.MOOD_QUESTIONS)).statusCode(400)
                .body("errors[0].code", equalTo("uniqueness_exception")).body("errors[0].extra.path", equalTo(".name"));
        post(all, path(), TestApi.formBody("other", "[{\"name\": \"mood\", \"type\": \"select\"}]")).statusCode(400)
                .body("errors[0].extra.path", equalTo(".questions[0].options"));
        post(all, path(), TestApi.formBody("other", "[{\"name\": \"a\", \"type\": \"boolean\", \"max\": 1}]")).statusCode(400)
                .body("errors[0].extra.path", equalTo(".questions[0].max"));
        post(all, path(), TestApi.formBody("Other", "[]")).statusCode(400).body("errors[0].extra.path", equalTo(".name"));
    }
}
