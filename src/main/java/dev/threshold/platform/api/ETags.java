package dev.threshold.platform.api;

import dev.threshold.platform.problem.ApiProblem;
import jakarta.ws.rs.core.EntityTag;

/**
 * Strong ETags derived from a resource's version, and the {@code If-Match} check. {@code If-Match} compares
 * strongly (RFC 9110, 13.1.1): a weak tag ({@code W/"3"}) never matches, not even the current version's.
 */
public final class ETags {

    private ETags() {}

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Throws 412 unless {@code ifMatch} is absent, {@code *}, or lists the current version's (strong) tag. */
    public static void check(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String current = "\"" + currentVersion + "\"";
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(current)) {
                return;
            }
        }
        throw ApiProblem.preconditionFailed();
    }
}
