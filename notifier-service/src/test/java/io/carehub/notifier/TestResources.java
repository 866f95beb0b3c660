package io.carehub.notifier;

import io.carehub.commons.testing.TestKafka;
import io.carehub.commons.testing.TestPostgres;
import io.quarkus.test.common.QuarkusTestResource;

/** Every test of this service runs against a real PostgreSQL and a real Kafka broker. */
@QuarkusTestResource(TestPostgres.class)
@QuarkusTestResource(TestKafka.class)
public class TestResources {
}
