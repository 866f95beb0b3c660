package io.carehub.scheduling;

import io.carehub.commons.testing.TestKafka;
import io.carehub.commons.testing.TestOwners;
import io.carehub.commons.testing.TestPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every test of this service runs against a real PostgreSQL and a real Kafka broker; patients-service, which
 * owns the patients a calendar event's user_id names, is stood in for by {@link TestOwners}.
 */
@QuarkusTestResource(TestPostgres.class)
@QuarkusTestResource(TestKafka.class)
@QuarkusTestResource(value = TestOwners.class, initArgs = @ResourceArg(name = "collections", value = "patients"))
public class TestResources {
}
