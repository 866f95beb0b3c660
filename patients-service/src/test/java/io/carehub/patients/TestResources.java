package io.carehub.patients;

import io.carehub.commons.testing.TestKafka;
import io.carehub.commons.testing.TestOwners;
import io.carehub.commons.testing.TestPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every test of this service runs against a real PostgreSQL and a real Kafka broker; scheduling-service, which
 * owns the workers a coach_id names, is stood in for by {@link TestOwners}.
 */
@QuarkusTestResource(TestPostgres.class)
@QuarkusTestResource(TestKafka.class)
@QuarkusTestResource(value = TestOwners.class, initArgs = @ResourceArg(name = "collections", value = "workers"))
public class TestResources {
}
