package dev.threshold.importing;

import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.text.VCardWriter;
import ezvcard.property.Address;
import ezvcard.property.RawProperty;
import ezvcard.property.StructuredName;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every contact of an owner, streamed as vCard 3.0 or as a Google Contacts CSV, read in keyset pages of
 * {@value #PAGE} (by id, one short transaction per page) so that memory holds one page whatever the number of
 * contacts. Both formats carry every writable field, so that importing an export ({@code /imports/vcard},
 * {@code /imports/google}) into an empty account reproduces the contacts. CSV cells that a spreadsheet
 * would run as formulas are neutralised ({@link CsvCells}).
 */
@ApplicationScoped
public class ContactExport {

    public enum Format {
        CSV,
        VCARD
    }

    static final int PAGE = 500;
    static final String X_CONNECTED_ON = "X-THRESHOLD-CONNECTED-ON";
    static final String X_CADENCE_DAYS = "X-THRESHOLD-CADENCE-DAYS";
    static final String X_SOCIAL = "X-SOCIALPROFILE";
    static final String CONNECTED_LABEL = "Connected";
    static final String CADENCE_LABEL = "Cadence days";

    private final ContactStore store;

    ContactExport(ContactStore store) {
        this.store = store;
    }

    public StreamingOutput stream(String owner, Format format) {
        return out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            if (format == Format.CSV) {
                csv(owner, writer);
            } else {
                vcard(owner, writer);
            }
            writer.flush();
        };
    }

    private void pages(String owner, PageHandler handler) throws IOException {
        UUID after = null;
        while (true) {
            UUID from = after;
            List<StoredContact> page = QuarkusTransaction.requiringNew().call(() -> store.page(owner, from, PAGE));
            for (StoredContact c : page) {
                handler.handle(c);
            }
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).id;
        }
    }

    @FunctionalInterface
    private interface PageHandler {
        void handle(StoredContact contact) throws IOException;
    }

    private void vcard(String owner, Writer writer) throws IOException {
        VCardWriter vcards = new VCardWriter(writer, VCardVersion.V3_0);
        vcards.setAddProdId(false);
        pages(owner, c -> {
            vcards.write(toVCard(c));
            vcards.flush();
        });
    }

    static VCard toVCard(StoredContact c) {
        VCard card = new VCard();
        card.setFormattedName(c.displayName);
        StructuredName n = new StructuredName();
        n.setGiven(c.firstName);
        n.setFamily(c.lastName);
        card.setStructuredName(n);
        c.emails.forEach(e -> card.addEmail(e));
        c.phones.forEach(p -> card.addTelephoneNumber(p));
        if (c.company != null) {
            card.setOrganization(c.company);
        }
        if (c.position != null) {
            card.addTitle(c.position);
        }
        if (c.location != null) {
            Address a = new Address();
            a.setLocality(c.location);
            card.addAddress(a);
        }
        if (!c.tags.isEmpty()) {
            card.setCategories(c.tags.toArray(new String[0]));
        }
        if (c.notes != null) {
            card.addNote(c.notes);
        }
        for (Map.Entry<String, String> p : c.profiles.entrySet()) {
            RawProperty social = card.addExtendedProperty(X_SOCIAL, p.getValue());
            social.getParameters().setType(p.getKey());
        }
        if (c.connectedOn != null) {
            card.addExtendedProperty(X_CONNECTED_ON, c.connectedOn.toString());
        }
        if (c.cadenceDays != null) {
            card.addExtendedProperty(X_CADENCE_DAYS, c.cadenceDays.toString());
        }
        return card;
    }

    private void csv(String owner, Writer writer) throws IOException {
        int sites = QuarkusTransaction.requiringNew().call(() -> store.maxProfiles(owner));
        List<String> header = new ArrayList<>(List.of(
                "Name",
                "Given Name",
                "Family Name",
                "Notes",
                "Group Membership",
                "E-mail 1 - Type",
                "E-mail 1 - Value",
                "Phone 1 - Type",
                "Phone 1 - Value",
                "Organization 1 - Name",
                "Organization 1 - Title",
                "Address 1 - Type",
                "Address 1 - Formatted",
                "Event 1 - Type",
                "Event 1 - Value",
                "Custom Field 1 - Type",
                "Custom Field 1 - Value"));
        for (int i = 1; i <= sites; i++) {
            header.add("Website " + i + " - Type");
            header.add("Website " + i + " - Value");
        }
        writer.write('\uFEFF'); // so that spreadsheet programs read the file as UTF-8
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        printer.printRecord(header);
        pages(owner, c -> {
            List<String> row = new ArrayList<>(header.size());
            row.add(c.displayName);
            row.add(c.firstName);
            row.add(c.lastName);
            row.add(c.notes);
            row.add(join(c.tags));
            row.add(null);
            row.add(join(c.emails));
            row.add(null);
            row.add(join(c.phones));
            row.add(c.company);
            row.add(c.position);
            row.add(null);
            row.add(c.location);
            row.add(c.connectedOn == null ? null : CONNECTED_LABEL);
            row.add(c.connectedOn == null ? null : c.connectedOn.toString());
            row.add(c.cadenceDays == null ? null : CADENCE_LABEL);
            row.add(c.cadenceDays == null ? null : c.cadenceDays.toString());
            for (Map.Entry<String, String> p : c.profiles.entrySet()) {
                row.add(p.getKey());
                row.add(p.getValue());
            }
            while (row.size() < header.size()) {
                row.add(null);
            }
            List<String> cells = new ArrayList<>(row.size());
            for (String cell : row) {
                cells.add(CsvCells.neutralise(cell));
            }
            printer.printRecord(cells);
        });
        printer.flush();
    }

    private static String join(List<String> values) {
        return values.isEmpty() ? null : String.join(GoogleContacts.MULTI, values);
    }
}
