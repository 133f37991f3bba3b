package dev.threshold.importing;

import ezvcard.VCard;
import ezvcard.io.text.VCardReader;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Email;
import ezvcard.property.RawProperty;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Url;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * One or many vCards (2.1, 3.0, 4.0), as phones, Outlook, Apple and Google write them. The stream is cut
 * into cards at {@code BEGIN:VCARD}/{@code END:VCARD} lines (so that each card reports the line it starts
 * on and memory holds one card at a time); each card is parsed by ez-vcard, which unfolds lines, decodes
 * QUOTED-PRINTABLE and charsets of 2.1, and unescapes 3.0/4.0 values.
 */
final class VCards implements RowSource {

    static final String KIND = "vcard";

    /** The import of vCard files. */
    @ApplicationScoped
    static class Source implements ContactSource {
        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public RowSource open(InputStream in) {
            return new VCards(in);
        }
    }

    /** One card, photo included. */
    static final long MAX_CARD_CHARS = 8L * 1024 * 1024;

    private final TextInput text;
    private final BufferedReader lines;
    private long lineNumber;
    private ParsedRow next;
    private boolean sawCard;

    VCards(InputStream in) {
        this.text = new TextInput(in, MAX_CARD_CHARS);
        this.lines = new BufferedReader(text, 8192);
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        try {
            next = readCard();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (next == null && !sawCard) {
            throw new TextInput.UnreadableFile("This is not a vCard file: no BEGIN:VCARD line was found.");
        }
        return next != null;
    }

    @Override
    public ParsedRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ParsedRow row = next;
        next = null;
        return row;
    }

    private ParsedRow readCard() throws IOException {
        String line;
        long start = -1;
        int depth = 0;
        StringBuilder card = new StringBuilder();
        while ((line = lines.readLine()) != null) {
            lineNumber++;
            String upper = line.strip().toUpperCase(Locale.ROOT);
            if (depth == 0) {
                if (upper.equals("BEGIN:VCARD")) {
                    depth = 1;
                    start = lineNumber;
                    sawCard = true;
                    card.setLength(0);
                    card.append(line).append("\r\n");
                } else if (!upper.isEmpty() && !sawCard && lineNumber > 20) {
                    throw new TextInput.UnreadableFile("This is not a vCard file: no BEGIN:VCARD line was found.");
                }
                continue;
            }
            card.append(line).append("\r\n");
            if (upper.equals("BEGIN:VCARD")) {
                depth++;
            } else if (upper.equals("END:VCARD") && --depth == 0) {
                text.recordBoundary(lineNumber + 1);
                return parse(start, card.toString());
            }
        }
        if (depth > 0) {
            return ParsedRow.error(start, "the vCard starting here has no END:VCARD (a truncated file?)");
        }
        return null;
    }

    static ParsedRow parse(long line, String text) {
        VCard card;
        try (VCardReader reader = new VCardReader(new StringReader(text))) {
            card = reader.readNext();
        } catch (IOException | RuntimeException e) {
            return ParsedRow.error(line, "this vCard cannot be read");
        }
        if (card == null) {
            return ParsedRow.error(line, "this vCard cannot be read");
        }
        ContactDraft d = new ContactDraft();
        if (card.getFormattedName() != null) {
            d.displayName = card.getFormattedName().getValue();
        }
        StructuredName n = card.getStructuredName();
        if (n != null) {
            d.firstName = ContactDraft.clean(n.getGiven());
            d.lastName = ContactDraft.clean(n.getFamily());
        }
        List<Email> emails = new ArrayList<>(card.getEmails());
        emails.sort(Comparator.comparing(e -> !isPreferred(e.getTypes().contains(EmailType.PREF), e.getPref())));
        for (Email e : emails) {
            d.email(e.getValue());
        }
        List<Telephone> phones = new ArrayList<>(card.getTelephoneNumbers());
        phones.sort(Comparator.comparing(t -> !isPreferred(t.getTypes().contains(TelephoneType.PREF), t.getPref())));
        for (Telephone t : phones) {
            d.phone(
                    t.getText() != null
                            ? t.getText()
                            : t.getUri() == null ? null : t.getUri().getNumber());
        }
        if (card.getOrganization() != null
                && !card.getOrganization().getValues().isEmpty()) {
            d.company = ContactDraft.clean(card.getOrganization().getValues().get(0));
        }
        if (!card.getTitles().isEmpty()) {
            d.position = ContactDraft.clean(card.getTitles().get(0).getValue());
        }
        d.location = location(card.getAddresses());
        if (!card.getNotes().isEmpty()) {
            d.notes = ContactDraft.clean(card.getNotes().get(0).getValue());
        }
        if (card.getCategories() != null) {
            for (String tag : card.getCategories().getValues()) {
                d.tag(tag);
            }
        }
        for (RawProperty social : card.getExtendedProperties("X-SOCIALPROFILE")) {
            String type = social.getParameters().getType();
            String value = social.getValue();
            if (type == null) {
                type = Keys.linkedInSlug(value) != null ? "linkedin" : "website";
            }
            d.profile(type, value);
        }
        for (Url url : card.getUrls()) {
            d.profile(Keys.linkedInSlug(url.getValue()) != null ? "linkedin" : "website", url.getValue());
        }
        RawProperty connected = card.getExtendedProperty(ContactExport.X_CONNECTED_ON);
        if (connected != null && ContactDraft.clean(connected.getValue()) != null) {
            try {
                d.connectedOn = LocalDate.parse(connected.getValue().strip());
            } catch (DateTimeParseException e) {
                return ParsedRow.error(line, ContactExport.X_CONNECTED_ON + ": not a date such as 2024-03-15");
            }
        }
        RawProperty cadence = card.getExtendedProperty(ContactExport.X_CADENCE_DAYS);
        if (cadence != null && ContactDraft.clean(cadence.getValue()) != null) {
            try {
                d.cadenceDays = Integer.valueOf(cadence.getValue().strip());
            } catch (NumberFormatException e) {
                return ParsedRow.error(line, ContactExport.X_CADENCE_DAYS + ": must be a whole number of days");
            }
        }
        d.completeDisplayName();
        if (d.displayName == null) {
            return ParsedRow.error(line, "skipped: the vCard has no name, organization or e-mail");
        }
        return ParsedRow.of(line, d);
    }

    private static boolean isPreferred(boolean typePref, Integer pref) {
        return typePref || pref != null && pref == 1;
    }

    private static String location(List<Address> addresses) {
        if (addresses.isEmpty()) {
            return null;
        }
        Address a = addresses.get(0);
        for (Address candidate : addresses) {
            if (candidate.getPref() != null && candidate.getPref() == 1
                    || candidate.getTypes().stream().anyMatch(t -> "pref".equalsIgnoreCase(t.getValue()))) {
                a = candidate;
                break;
            }
        }
        List<String> parts = new ArrayList<>();
        for (String p : new String[] {a.getLocality(), a.getRegion(), a.getCountry()}) {
            if (ContactDraft.clean(p) != null) {
                parts.add(p.strip());
            }
        }
        if (parts.isEmpty() && ContactDraft.clean(a.getLabel()) != null) {
            return a.getLabel().strip().replaceAll("\\s*[\\r\\n]+\\s*", ", ");
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
