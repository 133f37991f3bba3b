package dev.threshold.network;

import dev.threshold.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * A summary or a recommendations request holds at most one pooled connection at any moment: it reads the
 * owner's settings and actions and then its own statement, and with the small pool (4) requests that each
 * held one connection while taking another could starve one another into 503s. {@link HeldConnections}
 * tells, request by request (nothing else uses the pool meanwhile: the tests run one at a time and the
 * background sweeps wait an hour in tests).
 */
@QuarkusTest
class NetworkConnectionsTest extends ApiTest {

    @Inject
    HeldConnections connections;

    @Test
    void eachHeavyReadHoldsOneConnectionAtATime() throws InterruptedException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String contact = createContact("Due");
        api().body(interaction("CALL", "MUTUAL", now.minus(200, ChronoUnit.DAYS), null))
                .post("/api/v1/contacts/" + contact + "/interactions")
                .then()
                .statusCode(201);
        String personal = createContact(Map.of("displayName", "Weekly", "cadenceDays", 7));
        for (String path : new String[] {
            "/api/v1/network/summary",
            "/api/v1/network/recommendations",
            "/api/v1/network/summary?at=" + now.plus(30, ChronoUnit.DAYS)
        }) {
            quiet();
            api().get(path).then().statusCode(200);
            Assertions.assertEquals(1, connections.most(), path + ": connections held at once");
        }
        api().get("/api/v1/network/recommendations")
                .then()
                .statusCode(200)
                .body("items.contactId", Matchers.hasItems(contact, personal));
    }

    /** Waits until the previous request has given its connection back (a response can leave before that). */
    private void quiet() throws InterruptedException {
        for (int i = 0; i < 200 && connections.held() > 0; i++) {
            Thread.sleep(10);
        }
        Assertions.assertEquals(0, connections.held(), "nothing else holds a connection");
        connections.reset();
    }
}
