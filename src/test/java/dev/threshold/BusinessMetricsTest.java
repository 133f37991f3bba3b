package dev.threshold;

import dev.threshold.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The business counters at /q/metrics (declared by their features: ContactMetrics, InteractionMetrics, ScoreMetrics,
 * ActionMetrics) move with committed writes and score reads, and only then.
 */
@QuarkusTest
class BusinessMetricsTest extends ApiTest {

    @Test
    void countersFollowCommittedWritesAndReads() {
        double contacts = value("threshold_contacts_created_total");
        double meetings = value("threshold_interactions_recorded_total{type=\"MEETING\"}");
        double likes = value("threshold_interactions_recorded_total{type=\"LIKE\"}");
        double scores = value("threshold_score_reads_total{kind=\"score\"}");
        double rankings = value("threshold_score_reads_total{kind=\"ranking\"}");
        double histories = value("threshold_score_reads_total{kind=\"history\"}");

        String id = createContact("Metric Person");
        api().body(Map.of("type", "MEETING", "direction", "MUTUAL", "channel", "IN_PERSON"))
                .post("/api/v1/contacts/" + id + "/interactions")
                .then()
                .statusCode(201);
        api().body(List.of(
                        Map.of("contactId", id, "type", "LIKE", "direction", "INBOUND", "channel", "LINKEDIN"),
                        Map.of("contactId", id, "type", "LIKE", "direction", "INBOUND", "channel", "LINKEDIN")))
                .post("/api/v1/interactions/batch")
                .then()
                .statusCode(201);
        // rejected writes count nothing
        api().body(Map.of("displayName", "")).post("/api/v1/contacts").then().statusCode(400);
        api().body(List.of(
                        Map.of("contactId", id, "type", "LIKE", "direction", "INBOUND", "channel", "LINKEDIN"),
                        Map.of("contactId", id, "type", "NOPE", "direction", "INBOUND", "channel", "LINKEDIN")))
                .post("/api/v1/interactions/batch")
                .then()
                .statusCode(400);
        api().get("/api/v1/contacts/" + id + "/score").then().statusCode(200);
        api().get("/api/v1/contacts/" + id + "/score/history").then().statusCode(200);
        api().get("/api/v1/scores").then().statusCode(200);

        assertEquals(contacts + 1, value("threshold_contacts_created_total"));
        assertEquals(meetings + 1, value("threshold_interactions_recorded_total{type=\"MEETING\"}"));
        assertEquals(likes + 2, value("threshold_interactions_recorded_total{type=\"LIKE\"}"));
        assertEquals(scores + 1, value("threshold_score_reads_total{kind=\"score\"}"));
        assertEquals(histories + 1, value("threshold_score_reads_total{kind=\"history\"}"));
        assertEquals(rankings + 1, value("threshold_score_reads_total{kind=\"ranking\"}"));
    }

    @Test
    void everySeriesExistsBeforeTheFirstEvent() {
        String metrics =
                RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        for (String type : List.of("VIEW", "LIKE", "COMMENT", "SHARE", "MESSAGE", "CALL", "MEETING", "FAVOR")) {
            value(metrics, "threshold_interactions_recorded_total{type=\"" + type + "\"}");
        }
        for (String kind : List.of("score", "history", "ranking", "action")) {
            value(metrics, "threshold_score_reads_total{kind=\"" + kind + "\"}");
        }
        // declared by two features (score, action): one description, word for word
        assertTrue(
                Pattern.compile(
                                "(?m)^# HELP threshold_score_reads(_total)? Score reads: one contact's score, its history,"
                                        + " the ranking, an action's contacts$")
                        .matcher(metrics)
                        .find(),
                "the score reads' description");
    }

    private static double value(String series) {
        return value(
                RestAssured.get("/q/metrics").then().statusCode(200).extract().asString(), series);
    }

    /** The value of one series; Prometheus may add tags of its own, so the given tags are matched as a subset. */
    private static double value(String metrics, String series) {
        String name = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
        String tag = series.contains("{") ? series.substring(series.indexOf('{') + 1, series.length() - 1) : "";
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.eE+-]+)$")
                .matcher(metrics);
        while (m.find()) {
            if (tag.isEmpty() || (m.group(1) != null && m.group(1).contains(tag))) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError("no series " + series + " in /q/metrics");
    }
}
