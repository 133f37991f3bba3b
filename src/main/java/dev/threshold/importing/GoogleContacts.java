package dev.threshold.importing;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Google Contacts CSV export, in either of Google's layouts: the older one ({@code Name, Given Name,
 * Family Name, Group Membership, E-mail 1 - Type, E-mail 1 - Value, Organization 1 - Name, …}) and the
 * current one ({@code First Name, Last Name, Organization Name, Labels, E-mail 1 - Label, …}). A cell may
 * hold several values joined by {@code " ::: "}; a type or label starting with {@code "* "} marks the
 * primary value, which comes first. Threshold's own CSV export is this layout too; cells it prefixed
 * against formula injection are restored ({@link CsvCells#restore}).
 */
final class GoogleContacts implements RowSource {

    static final String KIND = "google";

    /** The import of Google Contacts CSV exports. */
    @ApplicationScoped
    static class Source implements ContactSource {
        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public RowSource open(InputStream in) {
            return new GoogleContacts(in);
        }
    }

    static final String MULTI = " ::: ";
    private static final Pattern NUMBERED =
            Pattern.compile("^(e-mail|phone|address|website|event|custom field|organization) (\\d+) - (.+)$");
    /** Google's own groups, not the user's labels. */
    private static final Set<String> SYSTEM_GROUPS = Set.of("mycontacts", "starred");
    /** Website labels that say nothing about the network: the URL decides. */
    private static final Set<String> GENERIC_SITES =
            Set.of("", "home", "homepage", "home page", "work", "other", "blog", "profile");

    private final CsvRecords records;
    private final Map<String, Integer> columns;
    private final int width;
    /** kind → number → part → column, e.g. e-mail → 1 → value → 31 */
    private final Map<String, TreeMap<Integer, Map<String, Integer>>> numbered = new TreeMap<>();

    GoogleContacts(InputStream in) {
        this.records = new CsvRecords(in);
        if (!records.hasNext()) {
            throw new TextInput.UnreadableFile(
                    "The file is empty: expected a Google Contacts CSV export with a header row.");
        }
        List<String> header = records.next().values();
        columns = CsvRecords.columns(header);
        width = header.size();
        for (Map.Entry<String, Integer> c : columns.entrySet()) {
            Matcher m = NUMBERED.matcher(c.getKey());
            if (m.matches()) {
                String part = m.group(3).equals("label") ? "type" : m.group(3);
                numbered.computeIfAbsent(m.group(1), k -> new TreeMap<>())
                        .computeIfAbsent(Integer.parseInt(m.group(2)), k -> new HashMap<>())
                        .put(part, c.getValue());
            }
        }
        boolean named = columns.containsKey("name")
                || columns.containsKey("given name")
                || columns.containsKey("first name")
                || columns.containsKey("family name")
                || columns.containsKey("last name");
        if (!named) {
            throw new TextInput.UnreadableFile("This is not a Google Contacts CSV export: the header row has no"
                    + " 'Name', 'Given Name' or 'First Name' column.");
        }
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
        d.displayName = cell(v, "name");
        d.firstName = first(cell(v, "given name"), cell(v, "first name"));
        d.lastName = first(cell(v, "family name"), cell(v, "last name"));
        if (d.displayName == null) {
            String middle = first(cell(v, "additional name"), cell(v, "middle name"));
            String joined = String.join(" ", nonNull(d.firstName, middle, d.lastName));
            d.displayName = joined.isEmpty() ? first(cell(v, "nickname"), cell(v, "file as")) : joined;
        }
        d.notes = cell(v, "notes");
        for (String group : multi(first(cell(v, "group membership"), cell(v, "labels")))) {
            String label = group.startsWith("* ") ? group.substring(2).strip() : group;
            if (!SYSTEM_GROUPS.contains(label.toLowerCase(Locale.ROOT).replace(" ", ""))) {
                d.tag(label);
            }
        }
        for (String e : values(v, "e-mail", "value")) {
            d.email(e);
        }
        for (String p : values(v, "phone", "value")) {
            d.phone(p);
        }
        d.company = first(cell(v, "organization name"), one(v, "organization", "name"));
        d.position = first(cell(v, "organization title"), one(v, "organization", "title"));
        d.location = location(v);
        for (Map.Entry<Integer, Map<String, Integer>> site :
                numbered.getOrDefault("website", new TreeMap<>()).entrySet()) {
            String label = label(v, site.getValue());
            for (String url : multi(at(v, site.getValue().get("value")))) {
                if (!GENERIC_SITES.contains(label)) {
                    d.profile(label, url);
                } else if (Keys.linkedInSlug(url) != null) {
                    d.profile("linkedin", url);
                } else {
                    d.profile("website", url);
                }
            }
        }
        String error = null;
        for (Map.Entry<Integer, Map<String, Integer>> event :
                numbered.getOrDefault("event", new TreeMap<>()).entrySet()) {
            String label = label(v, event.getValue());
            String value = at(v, event.getValue().get("value"));
            if (value != null && (label.equals("connected") || label.equals("connected on"))) {
                try {
                    d.connectedOn = LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    error = "Event 'Connected': '" + LinkedInConnections.abbreviate(value)
                            + "' is not a date such as 2024-03-15";
                }
            }
        }
        for (Map.Entry<Integer, Map<String, Integer>> field :
                numbered.getOrDefault("custom field", new TreeMap<>()).entrySet()) {
            String label = label(v, field.getValue());
            String value = at(v, field.getValue().get("value"));
            if (value != null && label.equals(ContactExport.CADENCE_LABEL.toLowerCase(Locale.ROOT))) {
                try {
                    d.cadenceDays = Integer.valueOf(value);
                } catch (NumberFormatException e) {
                    error = "Custom Field '" + ContactExport.CADENCE_LABEL + "': must be a whole number of days";
                }
            }
        }
        if (error != null) {
            return ParsedRow.error(row.line(), error);
        }
        d.completeDisplayName();
        if (d.displayName == null) {
            return ParsedRow.error(row.line(), "skipped: no name, organization or e-mail");
        }
        return ParsedRow.of(row.line(), d);
    }

    private String location(List<String> v) {
        TreeMap<Integer, Map<String, Integer>> addresses = numbered.getOrDefault("address", new TreeMap<>());
        Map<String, Integer> primary = null;
        for (Map<String, Integer> a : addresses.values()) {
            String type = at(v, a.get("type"));
            if (primary == null || type != null && type.startsWith("* ")) {
                primary = a;
            }
        }
        if (primary == null) {
            return null;
        }
        String formatted =
                multi(at(v, primary.get("formatted"))).stream().findFirst().orElse(null);
        if (formatted != null) {
            return formatted.replaceAll("\\s*[\\r\\n]+\\s*", ", ");
        }
        String joined = String.join(
                ", ",
                nonNull(
                        multi(at(v, primary.get("city"))).stream().findFirst().orElse(null),
                        multi(at(v, primary.get("region"))).stream().findFirst().orElse(null),
                        multi(at(v, primary.get("country"))).stream()
                                .findFirst()
                                .orElse(null)));
        return joined.isEmpty() ? null : joined;
    }

    /** The values of every numbered column of a kind ({@code E-mail 1 - Value}, {@code E-mail 2 - Value}, …), primary first. */
    private List<String> values(List<String> v, String kind, String part) {
        List<String> primary = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (Map<String, Integer> group :
                numbered.getOrDefault(kind, new TreeMap<>()).values()) {
            String type = at(v, group.get("type"));
            List<String> values = multi(at(v, group.get(part)));
            (type != null && type.startsWith("* ") ? primary : rest).addAll(values);
        }
        primary.addAll(rest);
        return primary;
    }

    private String one(List<String> v, String kind, String part) {
        List<String> all = values(v, kind, part);
        return all.isEmpty() ? null : all.get(0);
    }

    private static String label(List<String> v, Map<String, Integer> group) {
        String type = at(v, group.get("type"));
        if (type == null) {
            return "";
        }
        return (type.startsWith("* ") ? type.substring(2) : type).strip().toLowerCase(Locale.ROOT);
    }

    static List<String> multi(String cell) {
        List<String> out = new ArrayList<>();
        if (cell == null) {
            return out;
        }
        int from = 0;
        while (true) {
            int at = cell.indexOf(MULTI, from);
            String part = ContactDraft.clean(at < 0 ? cell.substring(from) : cell.substring(from, at));
            if (part != null) {
                out.add(part);
            }
            if (at < 0) {
                return out;
            }
            from = at + MULTI.length();
        }
    }

    private String cell(List<String> v, String column) {
        return at(v, columns.get(column));
    }

    private static String at(List<String> v, Integer index) {
        return index == null ? null : ContactDraft.clean(CsvCells.restore(v.get(index)));
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static List<String> nonNull(String... values) {
        List<String> out = new ArrayList<>();
        for (String s : values) {
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    @Override
    public void close() {
        records.close();
    }
}
