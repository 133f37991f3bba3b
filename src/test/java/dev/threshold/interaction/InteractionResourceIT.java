package dev.threshold.interaction;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class InteractionResourceIT extends InteractionResourceTest {}
