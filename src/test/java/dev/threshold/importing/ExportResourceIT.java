package dev.threshold.importing;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Export and round trips against the packaged jar in the production profile. */
@QuarkusIntegrationTest
class ExportResourceIT extends ExportResourceTest {}
