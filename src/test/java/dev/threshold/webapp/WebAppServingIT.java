package dev.threshold.webapp;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged jar serves the web app and no dev token. */
@QuarkusIntegrationTest
class WebAppServingIT extends WebAppServingTest {}
