package dev.threshold.platform.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A page of a list: {@code {"items": [...], "nextCursor": "…" | null}}. */
public record Page<T>(
        List<T> items,
        @Schema(description = "Opaque cursor for the next page; null on the last page", nullable = true)
                String nextCursor) {

    public static <T> Page<T> of(List<T> items, String nextCursor) {
        return new Page<>(List.copyOf(items), nextCursor);
    }
}
