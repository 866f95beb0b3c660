package io.carehub.assessments;

import io.carehub.commons.testing.TestKafka;
import io.carehub.commons.testing.TestOwners;
import io.carehub.commons.testing.TestPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every test of this service runs against a real PostgreSQL and a real Kafka broker; patients-service and
 * scheduling-service, which own the patients a user_id, the workers of a care flow and the calendar events of an
 * encounter name, are stood in for by
 * {@link TestOwners}.
 */
@QuarkusTestResource(TestPostgres.class)
@QuarkusTestResource(TestKafka.class)
@QuarkusTestResource(value = TestOwners.class, initArgs = @ResourceArg(name = "collections", value = "patients,workers,calendar_events"))
public class TestResources {
}
