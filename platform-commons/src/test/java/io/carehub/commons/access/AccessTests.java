package io.carehub.commons.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.carehub.commons.access.Access.Operation;
import io.carehub.commons.access.Access.Shown;
import io.carehub.commons.collection.CoreNames;
import io.carehub.commons.errors.ApiException;

/** What a set of rules allows (API-CORE.md §C9): their union, field by field, by either face's names. */
class AccessTests {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode rule(String resource, Map<String, Object> operations) {
        return JSON.valueToTree(Map.of("resource", resource, "operations", operations));
    }

    @Test
    void theRulesOfEveryRoleAddUpAndAnAbsentOperationIsDenied() {
        Access access = Access.of(List.of(
                rule("patients", Map.of("read", List.of("first_name"), "read_masked", List.of("birthday"))),
                rule("patients", Map.of("read", List.of("last_name"), "update", List.of("phase"))),
                rule("workers", Map.of("delete", true))));
        assertTrue(access.restricted());
        assertEquals(Shown.READABLE, access.shown("patients", "first_name"));
        assertEquals(Shown.READABLE, access.shown("patients", "last_name"));
        assertEquals(Shown.MASKED, access.shown("patients", "birthday"));
        assertEquals(Shown.HIDDEN, access.shown("patients", "city"));
        assertEquals(Shown.READABLE, access.shown("patients", "id"), "id is always readable");
        assertTrue(access.allows("patients", Operation.UPDATE));
        assertFalse(access.allows("patients", Operation.CREATE));
        assertFalse(access.allows("patients", Operation.DELETE));
        assertFalse(access.allows("workers", Operation.READ));
        assertTrue(access.allows("workers", Operation.DELETE));
        assertFalse(access.allows("encounters", Operation.READ));
        assertFalse(access.readsAll("patients"));
        assertFalse(access.mayUpdateCompleted("patients"));
    }

    @Test
    void aViewLosesWhatIsHiddenAndShowsMaskedAsStarsByEitherFacesName() {
        Access access = Access.of(List.of(rule("patients", Map.of("read", List.of("first_name", "updatedAt"),
                "read_masked", List.of("birthday")))));
        CoreNames names = new CoreNames(Map.of("first_name", "firstName", "birthday", "birthDate"));
        ObjectNode core = JSON.createObjectNode().put("id", "p1").put("firstName", "Ada").put("birthDate", "1815-12-10")
                .put("city", "London").put("updatedAt", "2026-01-01T00:00:00Z");
        ObjectNode shown = access.view("patients", core, names::v1);
        assertEquals("{\"id\":\"p1\",\"firstName\":\"Ada\",\"birthDate\":\"***\",\"updatedAt\":\"2026-01-01T00:00:00Z\"}",
                shown.toString());
        assertEquals("user_id", names.v1("patientId"));
        assertEquals("start_time", names.v1("startTime"));
    }

    @Test
    void aWriteNamingAFieldNoRoleMayWriteIsRefusedAtEachSuchPath() {
        Access access = Access.of(List.of(rule("patients", Map.of("create", List.of("first_name", "lastName")))));
        access.requireWritable("patients", Operation.CREATE, List.of("firstName", "lastName"), CoreNames::snakeCase);
        ApiException refused = assertThrows(ApiException.class, () -> access.requireWritable("patients", Operation.CREATE,
                List.of("firstName", "city", "phase"), CoreNames::snakeCase));
        assertEquals(List.of(".city", ".phase"), refused.errors().stream().map(e -> e.extra().get("path")).toList());
        assertEquals(List.of(403, 403), refused.errors().stream().map(e -> e.status()).toList());
        ApiException update = assertThrows(ApiException.class, () -> access.requireWritable("patients", Operation.UPDATE,
                List.of("firstName"), CoreNames::snakeCase));
        assertEquals(403, update.errors().get(0).status());
    }

    @Test
    void aClientWithNoRolesIsUnrestricted() {
        Access none = Access.UNRESTRICTED;
        assertFalse(none.restricted());
        assertTrue(none.readsAll("patients"));
        assertTrue(none.allows("patients", Operation.DELETE));
        ObjectNode view = JSON.createObjectNode().put("city", "London");
        assertSame(view, none.view("patients", view));
        assertFalse(none.mayUpdateCompleted("encounters"), "no role, no exception to a lock");
    }
}
