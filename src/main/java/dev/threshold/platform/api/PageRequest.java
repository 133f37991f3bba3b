package dev.threshold.platform.api;

import dev.threshold.platform.problem.ApiProblem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code limit} (default 50, 1–200) and an opaque keyset {@code cursor}. A cursor carries the sort key of
 * the last item seen (as strings) plus a tag naming the ordering it belongs to, so a cursor of one
 * ordering is refused by another instead of silently mis-paging.
 */
public record PageRequest(int limit, String ordering, List<String> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final char SEP = '\u001f';

    public static PageRequest parse(String limit, String cursor, String ordering) {
        int size = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                throw ApiProblem.invalid("limit", "must be an integer between 1 and " + MAX_LIMIT);
            }
            if (size < 1 || size > MAX_LIMIT) {
                throw ApiProblem.invalid("limit", "must be between 1 and " + MAX_LIMIT);
            }
        }
        List<String> after = null;
        if (cursor != null && !cursor.isBlank()) {
            after = decode(cursor.trim(), ordering);
        }
        return new PageRequest(size, ordering, after);
    }

    public boolean hasCursor() {
        return after != null;
    }

    public String after(int i) {
        return after.get(i);
    }

    /** Part {@code i} of the cursor as a UUID; a damaged cursor is a 400 naming {@code cursor}. */
    public UUID afterUuid(int i) {
        return part(i, UUID::fromString);
    }

    public double afterDouble(int i) {
        return part(i, Double::parseDouble);
    }

    public Instant afterInstant(int i) {
        return part(i, Instant::parse);
    }

    private <T> T part(int i, Function<String, T> parse) {
        try {
            return parse.apply(after.get(i));
        } catch (RuntimeException e) {
            throw ApiProblem.invalid("cursor", "is not a cursor returned by this list");
        }
    }

    public String cursorFor(List<String> key) {
        StringBuilder sb = new StringBuilder(ordering);
        for (String part : key) {
            sb.append(SEP).append(part == null ? "\u0000" : part);
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> decode(String cursor, String ordering) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("cursor", "is not a cursor returned by this list");
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == SEP) {
                String part = text.substring(start, i);
                parts.add("\u0000".equals(part) ? null : part);
                start = i + 1;
            }
        }
        if (parts.isEmpty() || !ordering.equals(parts.get(0))) {
            throw ApiProblem.invalid("cursor", "is not a cursor returned by this list with these parameters");
        }
        return parts.subList(1, parts.size());
    }

    /** Builds the page: fetch {@code limit + 1} rows; the extra one only says that a next page exists. */
    public <R, T> Page<T> page(List<R> rows, Function<R, T> toItem, Function<R, List<String>> keyOf) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        List<T> items = new ArrayList<>(shown.size());
        for (R row : shown) {
            items.add(toItem.apply(row));
        }
        String next = more ? cursorFor(keyOf.apply(shown.get(shown.size() - 1))) : null;
        return new Page<>(items, next);
    }
}
