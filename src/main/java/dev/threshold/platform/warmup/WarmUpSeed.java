package dev.threshold.platform.warmup;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The warm-up's own contacts, made through the public API like any client's ({@code POST /api/v1/contacts}, then
 * {@code POST /api/v1/interactions/batch} in batches of up to 1,000), so that its reads find rows and run the found
 * path, not only the 404 one. Contact {@code k} (from 0) gets {@code 3k} interactions of every type and direction over
 * the past two and a half years, so that the scores read span the tiers, the breakdown and the actions cleared.
 * Made-up names, no personal data.
 */
final class WarmUpSeed {

    private static final String[] TYPES = {"VIEW", "LIKE", "COMMENT", "SHARE", "MESSAGE", "CALL", "MEETING", "FAVOR"};
    private static final String[] DIRECTIONS = {"INBOUND", "OUTBOUND", "MUTUAL"};
    private static final String[] CHANNELS = {"LINKEDIN", "EMAIL", "PHONE", "IN_PERSON", "VIDEO"};

    private static final int BATCH = 1000;

    private WarmUpSeed() {}

    /** Creates {@code contacts} contacts with their interactions as the token's owner; their ids. */
    static List<UUID> create(HttpClient client, URI base, String token, int contacts, Instant now, Duration timeout)
            throws IOException, InterruptedException {
        List<UUID> ids = new ArrayList<>(contacts);
        for (int k = 0; k < contacts; k++) {
            HttpResponse<Void> created = client.send(
                    post(
                            base.resolve("/api/v1/contacts"),
                            token,
                            timeout,
                            "{\"displayName\":\"Warm-up " + (k + 1) + "\",\"tags\":[\"warm-up\"]}"),
                    HttpResponse.BodyHandlers.discarding());
            String location = created.headers().firstValue("Location").orElse("");
            if (created.statusCode() != 201 || location.isEmpty()) {
                throw new IOException("POST /api/v1/contacts answered " + created.statusCode());
            }
            ids.add(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
        }
        List<String> items = new ArrayList<>();
        Instant today = now.truncatedTo(ChronoUnit.MINUTES);
        for (int k = 0; k < ids.size(); k++) {
            for (int i = 0; i < 3 * k; i++) {
                items.add("{\"contactId\":\"" + ids.get(k) + "\",\"type\":\"" + TYPES[(i + k) % TYPES.length]
                        + "\",\"direction\":\"" + DIRECTIONS[i % DIRECTIONS.length] + "\",\"channel\":\""
                        + CHANNELS[i % CHANNELS.length] + "\",\"occurredAt\":\""
                        + today.minus(Duration.ofHours(11L * i * i + 7L * k)) + "\"}");
            }
        }
        for (int from = 0; from < items.size(); from += BATCH) { // the batch endpoint takes up to 1,000
            String batch = "[" + String.join(",", items.subList(from, Math.min(items.size(), from + BATCH))) + "]";
            HttpResponse<Void> recorded = client.send(
                    post(base.resolve("/api/v1/interactions/batch"), token, timeout, batch),
                    HttpResponse.BodyHandlers.discarding());
            if (recorded.statusCode() / 100 != 2) {
                throw new IOException("POST /api/v1/interactions/batch answered " + recorded.statusCode());
            }
        }
        return ids;
    }

    private static HttpRequest post(URI uri, String token, Duration timeout, String json) {
        return HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }
}
