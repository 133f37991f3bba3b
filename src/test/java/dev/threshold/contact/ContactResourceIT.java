package dev.threshold.contact;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The contact flows again, against the packaged jar started with operator-style configuration. */
@QuarkusIntegrationTest
class ContactResourceIT extends ContactResourceTest {}
