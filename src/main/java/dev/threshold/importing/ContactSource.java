package dev.threshold.importing;

import java.io.InputStream;

/**
 * A kind of contact file an import reads (LinkedIn's Connections.csv, vCards, a Google Contacts CSV). Adding a
 * source is one class: its parser ({@link RowSource}) with an {@code @ApplicationScoped} implementation of this
 * beside it, plus its endpoint in {@link ImportResource}. The run around it (the transaction, streaming in
 * chunks, validation, matching and merging, the report) is {@link ImportService}'s, written once for all.
 */
interface ContactSource {

    /** What the endpoint asks for by ({@link ImportService#importFile}): {@code linkedin}, {@code vcard}, … */
    String kind();

    /**
     * The rows of one uploaded file, read as they stream in. Throws {@link TextInput.UnreadableFile} when the file
     * is not of this kind at all (no header, wrong header).
     */
    RowSource open(InputStream in);
}
