package dev.threshold.importing;

import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.support.ApiTest;
import dev.threshold.support.RawHttp;
import dev.threshold.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Import jobs at the HTTP boundary (docs/importing.md, "Jobs"), against the real PostgreSQL of the tests. */
@QuarkusTest
class ImportJobResourceTest extends ApiTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    ImportFinishedRecorder finished;

    @Inject
    Jdbc jdbc;

    private ExtractableResponse<Response> postAsync(String path, byte[] body, String type) {
        return as(owner)
                .contentType(type)
                .header("Prefer", "respond-async")
                .body(body)
                .post("/api/v1/imports/" + path)
                .then()
                .extract();
    }

    /** Waits for the job's end through ImportFinished (no polling), then reads it. */
    private JsonPath finishedJob(String id) throws InterruptedException {
        ImportFinished event = finished.next(owner, WAIT);
        Assertions.assertEquals(UUID.fromString(id), event.jobId());
        return api().get("/api/v1/imports/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void preferRespondAsyncAnswers202AndTheJobEndsWithTheReport() throws Exception {
        byte[] file = fixture("contacts-21-30-40.vcf");
        ExtractableResponse<Response> accepted = postAsync("vcard", file, "text/vcard");
        Assertions.assertEquals(202, accepted.statusCode(), accepted.asString());
        String id = accepted.jsonPath().getString("id");
        Assertions.assertEquals("/api/v1/imports/" + id, accepted.header("Location"));
        Assertions.assertEquals("respond-async", accepted.header("Preference-Applied"));
        Assertions.assertEquals("vcard", accepted.jsonPath().getString("kind"));
        Assertions.assertTrue(
                List.of("QUEUED", "RUNNING").contains(accepted.jsonPath().getString("status")), accepted.asString());
        Assertions.assertEquals(file.length, accepted.jsonPath().getLong("bytesTotal"));
        Assertions.assertNull(accepted.jsonPath().get("report"));
        Assertions.assertNotNull(accepted.jsonPath().get("createdAt"));

        JsonPath job = finishedJob(id);
        Assertions.assertEquals("SUCCEEDED", job.getString("status"), job.prettify());
        Assertions.assertEquals(file.length, job.getLong("bytesRead"));
        Assertions.assertEquals(file.length, job.getLong("bytesTotal"));
        Assertions.assertEquals(3, job.getInt("report.created"), job.prettify());
        Assertions.assertNull(job.get("error"));
        Assertions.assertNotNull(job.get("startedAt"));
        Assertions.assertNotNull(job.get("finishedAt"));
        // the contacts are there, as a synchronous import of the same file would have left them
        api().get("/api/v1/contacts").then().statusCode(200).body("items", hasSize(3));
        // and running it again (synchronously) changes nothing
        as(owner)
                .contentType("text/vcard")
                .body(file)
                .post("/api/v1/imports/vcard")
                .then()
                .statusCode(200)
                .body("created", equalTo(0))
                .body("unchanged", equalTo(3));
        ImportFinished sync = finished.next(owner, WAIT);
        Assertions.assertNull(sync.jobId());
        Assertions.assertEquals("vcard", sync.kind());
        Assertions.assertEquals("SUCCEEDED", sync.status());
        Assertions.assertEquals(3L, sync.summary().get("unchanged"));
    }

    @Test
    void aBadFileEndsFailedWithTheReasonInWords() throws Exception {
        ExtractableResponse<Response> accepted = postAsync("linkedin", fixture("hostile-latin1.csv"), "text/csv");
        Assertions.assertEquals(202, accepted.statusCode(), accepted.asString());
        String id = accepted.jsonPath().getString("id");
        JsonPath job = finishedJob(id);
        Assertions.assertEquals("FAILED", job.getString("status"), job.prettify());
        Assertions.assertTrue(job.getString("error").contains("UTF-8"), job.prettify());
        Assertions.assertNull(job.get("report"));
        api().get("/api/v1/contacts").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aBodyOverTheThresholdRunsAsAJobWithoutAsking() throws Exception {
        // 33 MB of a CSV that is no Google Contacts export: it fails at its header, after the body was spooled
        StringBuilder csv = new StringBuilder("Colour,Flavour\n");
        String row = "a".repeat(60) + "," + "b".repeat(60) + "\n";
        while (csv.length() < 33 * 1024 * 1024) {
            csv.append(row);
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        ExtractableResponse<Response> accepted = as(owner)
                .contentType("text/csv")
                .body(body)
                .post("/api/v1/imports/google")
                .then()
                .extract();
        Assertions.assertEquals(202, accepted.statusCode(), accepted.asString());
        Assertions.assertEquals(body.length, accepted.jsonPath().getLong("bytesTotal"));
        JsonPath job = finishedJob(accepted.jsonPath().getString("id"));
        Assertions.assertEquals("FAILED", job.getString("status"), job.prettify());
        Assertions.assertTrue(job.getString("error").contains("Google"), job.prettify());
    }

    @Test
    void anotherOwnersJobIs404AndTheListIsTheOwnersOnly() throws Exception {
        String id = postAsync("linkedin", fixture("linkedin-connections.csv"), "text/csv")
                .jsonPath()
                .getString("id");
        finishedJob(id);
        String stranger = TestTokens.newOwner();
        as(stranger).get("/api/v1/imports/" + id).then().statusCode(404).contentType("application/problem+json");
        as(stranger).get("/api/v1/imports").then().statusCode(200).body("items", hasSize(0));
        api().get("/api/v1/imports/" + UUID.randomUUID()).then().statusCode(404);
        api().get("/api/v1/imports/not-a-uuid").then().statusCode(404);
        api().get("/api/v1/imports")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(id))
                .body("items[0].kind", equalTo("linkedin"))
                .body("items[0].status", equalTo("SUCCEEDED"))
                .body("items[0].report.created", equalTo(6))
                .body("nextCursor", nullValue());
    }

    @Test
    void theListPagesNewestFirst() throws Exception {
        byte[] file = fixture("contacts-21-30-40.vcf");
        String first = postAsync("vcard", file, "text/vcard").jsonPath().getString("id");
        finishedJob(first);
        String second =
                postAsync("vcard?dryRun=true", file, "text/vcard").jsonPath().getString("id");
        JsonPath dry = finishedJob(second);
        Assertions.assertTrue(dry.getBoolean("dryRun"));
        Assertions.assertEquals(3, dry.getInt("report.unchanged"), dry.prettify());
        JsonPath page1 = api().get("/api/v1/imports?limit=1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Assertions.assertEquals(List.of(second), page1.getList("items.id"));
        String cursor = page1.getString("nextCursor");
        Assertions.assertNotNull(cursor);
        api().queryParam("limit", 1)
                .queryParam("cursor", cursor)
                .get("/api/v1/imports")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(first)))
                .body("nextCursor", nullValue());
        api().get("/api/v1/imports?limit=0").then().statusCode(400);
    }

    @Test
    void anIdempotencyKeyReplaysTheSame202AndStartsOneJob() throws Exception {
        byte[] file = fixture("google-contacts.csv");
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = as(owner)
                .contentType("text/csv")
                .header("Prefer", "respond-async")
                .header("Idempotency-Key", key)
                .body(file)
                .post("/api/v1/imports/google")
                .then()
                .extract();
        Assertions.assertEquals(202, first.statusCode(), first.asString());
        String id = first.jsonPath().getString("id");
        JsonPath job = finishedJob(id);
        Assertions.assertEquals("SUCCEEDED", job.getString("status"), job.prettify());
        as(owner)
                .contentType("text/csv")
                .header("Prefer", "respond-async")
                .header("Idempotency-Key", key)
                .body(file)
                .post("/api/v1/imports/google")
                .then()
                .statusCode(202)
                .header("Idempotent-Replayed", "true")
                .header("Location", equalTo("/api/v1/imports/" + id))
                .body("id", equalTo(id));
        api().get("/api/v1/imports").then().body("items", hasSize(1));
        Assertions.assertEquals(0, finished.pending(owner), "the replay started no second job");
        // the same key with another body is still a 422
        as(owner)
                .contentType("text/csv")
                .header("Prefer", "respond-async")
                .header("Idempotency-Key", key)
                .body(fixture("linkedin-connections.csv"))
                .post("/api/v1/imports/google")
                .then()
                .statusCode(422);
    }

    @Test
    void multipartUploadsRunAsJobsToo() throws Exception {
        ExtractableResponse<Response> accepted = as(owner)
                .contentType("multipart/form-data")
                .header("Prefer", "respond-async")
                .multiPart("connections", "Connections.csv", fixture("linkedin-connections.csv"), "text/csv")
                .multiPart("messages", "messages.csv", fixture("linkedin-messages.csv"), "text/csv")
                .post("/api/v1/imports/linkedin")
                .then()
                .extract();
        Assertions.assertEquals(202, accepted.statusCode(), accepted.asString());
        JsonPath job = finishedJob(accepted.jsonPath().getString("id"));
        Assertions.assertEquals("SUCCEEDED", job.getString("status"), job.prettify());
        Assertions.assertEquals(6, job.getInt("report.created"));
        Assertions.assertNotNull(job.get("report.messages"));
    }

    @Test
    void aSmallBodyWithoutALengthRunsNowAndOtherPathsKeepTheirLimitWithoutOne() throws Exception {
        // sent chunked (no Content-Length): spooled, found small, imported while the request waits
        as(owner)
                .contentType("text/vcard")
                .body(new ByteArrayInputStream(fixture("contacts-21-30-40.vcf")))
                .post("/api/v1/imports/vcard")
                .then()
                .statusCode(200)
                .body("created", equalTo(3));
        Assertions.assertEquals("SUCCEEDED", finished.next(owner, WAIT).status());
        // raising the imports' limit to 4 GB raised it for no other path: 12 MB without a length to /contacts
        String raw = RawHttp.postChunked(
                "/api/v1/contacts", TestTokens.forOwner(owner), "application/json", 12L * 1024 * 1024);
        Assertions.assertTrue(raw.startsWith("HTTP/1.1 413"), raw);
        // while a small JSON body without a length is read as before
        as(owner)
                .body(new ByteArrayInputStream("{\"displayName\": \"Chunked Chen\"}".getBytes(StandardCharsets.UTF_8)))
                .post("/api/v1/contacts")
                .then()
                .statusCode(201)
                .body("displayName", equalTo("Chunked Chen"));
    }

    @Test
    void theOpenApiDocumentDescribesTheJobs() {
        JsonPath doc = io.restassured.RestAssured.given()
                .accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (String kind : List.of("linkedin", "vcard", "google")) {
            String op = "paths.'/api/v1/imports/" + kind + "'.post";
            Assertions.assertNotNull(doc.get(op + ".responses.'202'.content.'application/json'.examples"), kind);
            Assertions.assertNotNull(doc.get(op + ".responses.'202'.headers.Location"), kind);
            Assertions.assertTrue(
                    doc.getList(op + ".parameters.name").contains("Prefer"), kind + ": " + doc.get(op + ".parameters"));
        }
        Assertions.assertEquals("getImportJob", doc.get("paths.'/api/v1/imports/{id}'.get.operationId"));
        Assertions.assertEquals("listImportJobs", doc.get("paths.'/api/v1/imports'.get.operationId"));
    }

    @Test
    void aJobWhoseInstanceStoppedIsSweptFailed() throws Exception {
        // a RUNNING job whose instance stopped renewing its lease (as after a kill -9 of it): every instance's sweep
        // ends it FAILED with the reason (the crash itself, with a killed service, is ImportJobCrashIT)
        UUID id = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO import_jobs (owner_id, id, kind, status, bytes_read, bytes_total, instance, heartbeat_at,"
                        + " created_at, started_at) VALUES (?, ?, 'vcard', 'RUNNING', 1024, 4096, 'gone/1/x',"
                        + " now() - interval '1 hour', now() - interval '1 hour', now() - interval '1 hour')",
                ps -> {
                    ps.setString(1, owner);
                    ps.setObject(2, id);
                });
        JsonPath job = finishedJob(id.toString());
        Assertions.assertEquals("FAILED", job.getString("status"), job.prettify());
        Assertions.assertTrue(job.getString("error").contains("run the same file again"), job.prettify());
        Assertions.assertEquals(1024, job.getLong("bytesRead"));
        Assertions.assertNotNull(job.get("finishedAt"));
    }
}
