package dev.threshold.capture.source;

/**
 * The upload as a whole is not an export of the expected kind (no chat header, not JSON, not a zip), or the owner
 * cannot be told apart ({@link #field} {@code me}): a 400 for the whole upload, nothing written.
 */
public final class UnreadableExport extends RuntimeException {

    private final String field;

    public UnreadableExport(String message) {
        this(message, null);
    }

    public UnreadableExport(String message, String field) {
        super(message, null, false, false);
        this.field = field;
    }

    /** The request parameter that would settle it ({@code me}), or null when the file itself is at fault. */
    public String field() {
        return field;
    }
}
