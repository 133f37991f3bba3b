package dev.threshold.platform.warmup;

import dev.threshold.platform.persistence.Jdbc;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** What the warm-up tests look at: the readiness document, and the rows of every owner table. */
final class WarmUpProbe {

    private WarmUpProbe() {}

    /** GET /q/health/ready: its status code and its body. */
    record Ready(int status, JsonPath body) {
        String warmUpStatus() {
            return body.getString("checks.find { it.name == 'warm-up' }.status");
        }

        String state() {
            return body.getString("checks.find { it.name == 'warm-up' }.data.state");
        }

        int requests() {
            return body.getInt("checks.find { it.name == 'warm-up' }.data.requests");
        }
    }

    static Ready ready() {
        var response = RestAssured.given().get("/q/health/ready");
        return new Ready(response.statusCode(), response.jsonPath());
    }

    /** Polls readiness (every 50 ms, at most two minutes) until {@code until} holds; the last answer. */
    static Ready awaitReady(Predicate<Ready> until) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        Ready r = ready();
        while (!until.test(r)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("readiness never reached the expected state: "
                        + r.body().prettify());
            }
            Thread.sleep(50);
            r = ready();
        }
        return r;
    }

    /** Every table with an owner_id column, with its rows that belong to no warm-up owner. */
    static Map<String, Long> rowCountsOfOthers(Jdbc jdbc) {
        return ownerRows(jdbc, "owner_id NOT LIKE 'threshold-warm-up:%'", Jdbc.Binder.NONE);
    }

    /** Rows of one table whose owner_id is one the warm-up makes up. */
    static long warmUpOwnerRows(Jdbc jdbc, String table) {
        return ownerRows(jdbc, WARM_UP, Jdbc.Binder.NONE).get(table);
    }

    /** Rows of any table whose owner_id is one the warm-up makes up. */
    static long warmUpOwnerRows(Jdbc jdbc) {
        return ownerRows(jdbc, WARM_UP, Jdbc.Binder.NONE).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    private static final String WARM_UP = "owner_id LIKE 'threshold-warm-up:%'";

    /** Every table of the schema with an owner_id column, with the number of its rows that match {@code where}. */
    static Map<String, Long> ownerRows(Jdbc jdbc, String where, Jdbc.Binder binder) {
        List<String> tables = jdbc.list(
                "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public'"
                        + " AND column_name = 'owner_id'",
                Jdbc.Binder.NONE,
                rs -> rs.getString("table_name"));
        Map<String, Long> counts = new TreeMap<>();
        for (String t : tables) {
            counts.put(
                    t,
                    jdbc.first("SELECT count(*) AS n FROM \"" + t + "\" WHERE " + where, binder, rs -> rs.getLong("n"))
                            .orElseThrow());
        }
        return counts;
    }
}
