package io.carehub.notifier;

import io.carehub.commons.testing.ServiceConventionsTests;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConventionsTests extends ServiceConventionsTests {
}
