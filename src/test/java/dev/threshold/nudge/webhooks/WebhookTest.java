package dev.threshold.nudge.webhooks;

import dev.threshold.support.ApiTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** Base of the delivery tests: the worker, endpoints to local receivers, their delivery logs, and the clean-up. */
abstract class WebhookTest extends ApiTest {

    @Inject
    DeliveryWorker worker;

    @AfterEach
    void resumeAndUnsubscribe() {
        worker.resolver(null);
        worker.pause(false);
        // the receivers are gone: their endpoints (and pending deliveries) go too, so later tests do not wait on them
        for (String id :
                api().get("/api/v1/webhooks").then().extract().jsonPath().getList("items.id", String.class)) {
            api().delete("/api/v1/webhooks/" + id);
        }
    }

    /** Creates a webhook to {@code url} for {@code events}; its id and its secret. */
    Map<String, String> subscribe(String url, String... events) {
        var created = api().body(Map.of("url", url, "events", List.of(events), "description", "test"))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .header("Location", notNullValue())
                .body("secret", startsWith("whsec_"))
                .body("enabled", equalTo(true))
                .extract();
        return Map.of("id", created.path("id"), "secret", created.path("secret"));
    }

    /** The first page of the endpoint's delivery log, newest first. */
    ValidatableResponse deliveries(String hook) {
        return api().get("/api/v1/webhooks/" + hook + "/deliveries").then().statusCode(200);
    }
}
