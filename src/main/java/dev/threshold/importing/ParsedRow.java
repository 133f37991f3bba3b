package dev.threshold.importing;

/**
 * One row (CSV record, vCard) of an uploaded file: a contact draft, or why the row cannot be imported.
 *
 * @param line  the line of the file where the row starts (1-based, counting every line of the file)
 * @param draft the contact, or null when {@code error} says why not
 */
record ParsedRow(long line, ContactDraft draft, String error) {

    static ParsedRow of(long line, ContactDraft draft) {
        return new ParsedRow(line, draft, null);
    }

    static ParsedRow error(long line, String message) {
        return new ParsedRow(line, null, message);
    }
}
