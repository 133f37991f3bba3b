package dev.threshold.platform.auth;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged jar serves tokens of the configured key and issuer, and refuses all others with 401. */
@QuarkusIntegrationTest
class AuthIT extends AuthTest {}
