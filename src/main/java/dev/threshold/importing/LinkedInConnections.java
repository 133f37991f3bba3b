package dev.threshold.importing;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * LinkedIn's {@code Connections.csv} as a data export writes it: an optional UTF-8 byte order mark, a
 * {@code Notes:} preamble and a blank line, then the header
 * {@code First Name,Last Name,URL,Email Address,Company,Position,Connected On} (older exports lack URL,
 * Position or Connected On; columns are found by name, in any order). Dates read like {@code 15 Mar 2024}.
 */
final class LinkedInConnections implements RowSource {

    static final String KIND = "linkedin";

    /** The import of LinkedIn's Connections.csv. */
    @ApplicationScoped
    static class Source implements ContactSource {
        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public RowSource open(InputStream in) {
            return new LinkedInConnections(in);
        }
    }

    /** How many records may come before the header (the preamble is a handful). */
    static final int MAX_PREAMBLE_RECORDS = 50;

    static final DateTimeFormatter CONNECTED_ON = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("d MMM uuuu")
            .toFormatter(Locale.ENGLISH)
            .withResolverStyle(ResolverStyle.STRICT);

    private final CsvRecords records;
    private final int firstName;
    private final int lastName;
    private final int url;
    private final int email;
    private final int company;
    private final int position;
    private final int connectedOn;
    private final int width;

    LinkedInConnections(InputStream in) {
        this.records = new CsvRecords(in);
        List<String> header = null;
        for (int i = 0; i < MAX_PREAMBLE_RECORDS && records.hasNext(); i++) {
            List<String> values = records.next().values();
            Map<String, Integer> c = CsvRecords.columns(values);
            if (c.containsKey("first name") && c.containsKey("last name")) {
                header = values;
                break;
            }
        }
        if (header == null) {
            throw new TextInput.UnreadableFile(
                    "This is not a LinkedIn Connections.csv: no header row with"
                            + " 'First Name' and 'Last Name' columns was found. Upload Connections.csv from LinkedIn's data export.");
        }
        Map<String, Integer> c = CsvRecords.columns(header);
        firstName = c.get("first name");
        lastName = c.get("last name");
        url = c.getOrDefault("url", -1);
        email = c.getOrDefault("email address", -1);
        company = c.getOrDefault("company", -1);
        position = c.getOrDefault("position", -1);
        connectedOn = c.getOrDefault("connected on", -1);
        width = header.size();
    }

    @Override
    public boolean hasNext() {
        return records.hasNext();
    }

    @Override
    public ParsedRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CsvRecords.Row row = records.next();
        List<String> v = row.values();
        String damaged = row.widthProblem(width);
        if (damaged != null) {
            return ParsedRow.error(row.line(), damaged);
        }
        ContactDraft d = new ContactDraft();
        d.firstName = ContactDraft.clean(v.get(firstName));
        d.lastName = ContactDraft.clean(v.get(lastName));
        if (d.firstName == null && d.lastName == null) {
            return ParsedRow.error(row.line(), "skipped: neither First Name nor Last Name is set");
        }
        d.email(get(v, email));
        String profile = ContactDraft.clean(get(v, url));
        if (profile != null) {
            d.profile("linkedin", Keys.canonicalLinkedIn(profile));
        }
        d.company = ContactDraft.clean(get(v, company));
        d.position = ContactDraft.clean(get(v, position));
        String date = ContactDraft.clean(get(v, connectedOn));
        if (date != null) {
            try {
                d.connectedOn = parseDate(date);
            } catch (DateTimeParseException e) {
                // an optional field: the person is imported without it (SPEC.md, Import and export)
                d.warnings.add("Connected On: '" + abbreviate(date)
                        + "' is not a date such as 15 Mar 2024; imported without it");
            }
        }
        d.completeDisplayName();
        return ParsedRow.of(row.line(), d);
    }

    /**
     * The other layouts a {@code Connected On} is found in: {@code 7-Feb-22} (a spreadsheet re-saved it),
     * {@code 2022-02-07} (ISO, as some tools re-save it), US {@code 2/7/22} and {@code 2/7/2022} (as LinkedIn
     * writes dates in other files), {@code Feb 7, 2022}. Two-digit years are 1950–2049.
     */
    private static final List<DateTimeFormatter> OTHER_LAYOUTS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            layout("d-MMM-", true),
            layout("d-MMM-uuuu", false),
            layout("M/d/", true),
            layout("M/d/uuuu", false),
            layout("MMM d, uuuu", false),
            layout("d MMM ", true));

    private static DateTimeFormatter layout(String pattern, boolean twoDigitYear) {
        DateTimeFormatterBuilder b =
                new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern);
        if (twoDigitYear) {
            b.appendValueReduced(ChronoField.YEAR, 2, 2, 1950);
        }
        return b.toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    }

    /** A {@code Connected On}: {@code 15 Mar 2024} as LinkedIn writes it, else one of {@link #OTHER_LAYOUTS}. */
    static LocalDate parseDate(String date) {
        try {
            return LocalDate.parse(date, CONNECTED_ON);
        } catch (DateTimeParseException e) {
            for (DateTimeFormatter layout : OTHER_LAYOUTS) {
                try {
                    return LocalDate.parse(date, layout);
                } catch (DateTimeParseException other) {
                    // try the next layout
                }
            }
            throw e;
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static String get(List<String> values, int index) {
        return index < 0 ? null : values.get(index);
    }

    @Override
    public void close() {
        records.close();
    }
}
