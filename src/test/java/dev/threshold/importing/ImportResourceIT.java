package dev.threshold.importing;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The import flows again (multipart spooling, body limits, streaming), against the packaged jar in the production profile. */
@QuarkusIntegrationTest
class ImportResourceIT extends ImportResourceTest {}
