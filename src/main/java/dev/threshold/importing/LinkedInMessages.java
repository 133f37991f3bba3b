package dev.threshold.importing;

import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * LinkedIn's {@code messages.csv}: {@code CONVERSATION ID, CONVERSATION TITLE, FROM, SENDER PROFILE URL, TO,
 * RECIPIENT PROFILE URLS, DATE, SUBJECT, CONTENT, FOLDER} (older exports lack the profile URLs). Dates read
 * like {@code 2024-03-15 10:22:31 UTC}. Only who wrote to whom, and when, is read: never the content.
 */
final class LinkedInMessages implements Iterator<LinkedInMessages.Message>, AutoCloseable {

    static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("uuuu-MM-dd HH:mm")
            .optionalStart()
            .appendPattern(":ss")
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .appendZoneText(TextStyle.SHORT)
            .optionalEnd()
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
            .toFormatter(Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** Someone in a message: a LinkedIn slug when the export has profile URLs, and a name. */
    record Person(String slug, String name) {
        String identity() {
            return slug != null ? Keys.LINKEDIN + slug : "name:" + Keys.name(name);
        }
    }

    /** One message, or (with {@code error}) why its row cannot be read. */
    record Message(long line, Person from, List<Person> to, Instant at, String error) {}

    private final CsvRecords records;
    private final int from;
    private final int fromUrl;
    private final int to;
    private final int toUrls;
    private final int date;
    private final int width;

    LinkedInMessages(InputStream in) {
        this.records = new CsvRecords(in);
        if (!records.hasNext()) {
            throw new TextInput.UnreadableFile("messages: the file is empty; expected LinkedIn's messages.csv.");
        }
        List<String> header = records.next().values();
        Map<String, Integer> c = CsvRecords.columns(header);
        if (!c.containsKey("from") || !c.containsKey("to") || !c.containsKey("date")) {
            throw new TextInput.UnreadableFile(
                    "messages: this is not LinkedIn's messages.csv: the header has no" + " FROM, TO and DATE columns.");
        }
        from = c.get("from");
        to = c.get("to");
        date = c.get("date");
        fromUrl = c.getOrDefault("sender profile url", -1);
        toUrls = c.getOrDefault("recipient profile urls", -1);
        width = header.size();
    }

    @Override
    public boolean hasNext() {
        return records.hasNext();
    }

    @Override
    public Message next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CsvRecords.Row row = records.next();
        List<String> v = row.values();
        String damaged = row.widthProblem(width);
        if (damaged != null) {
            return new Message(row.line(), null, List.of(), null, damaged);
        }
        String raw = ContactDraft.clean(v.get(date));
        Instant at;
        try {
            at = raw == null ? null : parse(raw);
        } catch (DateTimeParseException e) {
            at = null;
        }
        if (at == null) {
            return new Message(
                    row.line(),
                    null,
                    List.of(),
                    null,
                    "DATE: '" + LinkedInConnections.abbreviate(raw == null ? "" : raw)
                            + "' is not a date such as 2024-03-15 10:22:31 UTC");
        }
        Person sender = new Person(Keys.linkedInSlug(get(v, fromUrl)), ContactDraft.clean(v.get(from)));
        List<String> names = list(v.get(to));
        List<String> urls = list(get(v, toUrls));
        List<Person> recipients = new ArrayList<>();
        int n = Math.max(names.size(), urls.size());
        for (int i = 0; i < n; i++) {
            String slug = i < urls.size() ? Keys.linkedInSlug(urls.get(i)) : null;
            String name = names.size() == n ? names.get(i) : null;
            if (slug != null || name != null) {
                recipients.add(new Person(slug, name));
            }
        }
        if (sender.slug() == null && sender.name() == null || recipients.isEmpty()) {
            return new Message(row.line(), null, List.of(), null, "FROM or TO is empty");
        }
        return new Message(row.line(), sender, recipients, at, null);
    }

    static Instant parse(String raw) {
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.from(DATE.parse(raw));
        }
    }

    /** A cell listing several people (group conversations), comma-separated. */
    private static List<String> list(String cell) {
        List<String> out = new ArrayList<>();
        if (cell == null) {
            return out;
        }
        for (String part : cell.split(",")) {
            String p = ContactDraft.clean(part);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    private static String get(List<String> values, int index) {
        return index < 0 ? null : values.get(index);
    }

    @Override
    public void close() {
        records.close();
    }
}
