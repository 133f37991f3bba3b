package dev.threshold.platform.warmup;

import dev.threshold.platform.persistence.Jdbc;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** What the warm-up tests look at: the readiness document, and every table's rows. */
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

    /** Every table of the schema with its row count (Flyway's history excluded). */
    static Map<String, Long> rowCounts(Jdbc jdbc) {
        List<String> tables = jdbc.list(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                        + " AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'",
                ps -> {},
                rs -> rs.getString("table_name"));
        Map<String, Long> counts = new TreeMap<>();
        for (String t : tables) {
            counts.put(
                    t,
                    jdbc.first("SELECT count(*) AS n FROM \"" + t + "\"", ps -> {}, rs -> rs.getLong("n"))
                            .orElseThrow());
        }
        return counts;
    }

    /** Every table of the schema with the number of its rows that belong to no warm-up owner. */
    static Map<String, Long> rowCountsOfOthers(Jdbc jdbc) {
        Map<String, Long> counts = new TreeMap<>();
        for (String t : ownerTables(jdbc)) {
            counts.put(
                    t,
                    jdbc.first(
                                    "SELECT count(*) AS n FROM \"" + t
                                            + "\" WHERE owner_id NOT LIKE 'threshold-warm-up:%'",
                                    ps -> {},
                                    rs -> rs.getLong("n"))
                            .orElseThrow());
        }
        return counts;
    }

    /** Rows of one table whose owner_id is one the warm-up makes up. */
    static long warmUpOwnerRows(Jdbc jdbc, String table) {
        return jdbc.first(
                        "SELECT count(*) AS n FROM \"" + table + "\" WHERE owner_id LIKE 'threshold-warm-up:%'",
                        ps -> {},
                        rs -> rs.getLong("n"))
                .orElseThrow();
    }

    private static List<String> ownerTables(Jdbc jdbc) {
        return jdbc.list(
                "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public'"
                        + " AND column_name = 'owner_id'",
                ps -> {},
                rs -> rs.getString("table_name"));
    }

    /** Rows of any table whose owner_id is one the warm-up makes up. */
    static long warmUpOwnerRows(Jdbc jdbc) {
        List<String> tables = jdbc.list(
                "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public'"
                        + " AND column_name = 'owner_id'",
                ps -> {},
                rs -> rs.getString("table_name"));
        long n = 0;
        for (String t : tables) {
            n += jdbc.first(
                            "SELECT count(*) AS n FROM \"" + t + "\" WHERE owner_id LIKE 'threshold-warm-up:%'",
                            ps -> {},
                            rs -> rs.getLong("n"))
                    .orElseThrow();
        }
        return n;
    }
}
