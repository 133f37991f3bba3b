package dev.threshold.capture.source;

import dev.threshold.capture.CaptureContext;
import dev.threshold.capture.CaptureSink;
import dev.threshold.capture.CaptureSource;
import dev.threshold.capture.Captured;
import dev.threshold.capture.Me;
import dev.threshold.capture.Party;
import dev.threshold.importing.ContactKeys;
import dev.threshold.interaction.Channel;
import dev.threshold.score.math.Direction;
import dev.threshold.score.math.InteractionType;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * LinkedIn's whole data export ("Get a copy of your data"), the {@code .zip} as LinkedIn delivers it, the "basic"
 * and the "complete" archive alike, read entry by entry from a {@link ZipInputStream} (never unpacked whole):
 *
 * <ul>
 *   <li>{@code Connections.csv}: handed as it streams to {@link Connections} (the existing contact import);
 *   <li>{@code messages.csv}: one MESSAGE per message and other participant, OUTBOUND when the owner sent it (to each
 *       recipient), INBOUND when someone wrote to the owner; drafts ({@code IS MESSAGE DRAFT}) skipped; note = the
 *       {@code SUBJECT} (the content is never read); conversation = {@code CONVERSATION ID}. It is spooled to a
 *       temporary file and read after the other entries, so that {@code Profile.csv}, wherever it sits in the zip,
 *       can name the owner;
 *   <li>{@code Invitations.csv} ({@code From, To, Sent At, Message, Direction, inviterProfileUrl,
 *       inviteeProfileUrl}): an invitation that carried a message is a MESSAGE, INBOUND for {@code INCOMING},
 *       OUTBOUND for {@code OUTGOING}, note = the message; one without a message is skipped;
 *   <li>{@code Endorsement_Received_Info.csv} / {@code Endorsement_Given_Info.csv} ({@code Endorsement Date, Skill
 *       Name, Endorser|Endorsee First Name, … Last Name, … Public Url, Endorsement Status}): FAVOR, INBOUND received,
 *       OUTBOUND given, note {@code Endorsement: <skill>}; a {@code REJECTED} one is skipped;
 *   <li>{@code Recommendations_Received.csv} / {@code Recommendations_Given.csv} ({@code First Name, Last Name,
 *       Company, Job Title, Text, Creation Date, Status}): FAVOR, INBOUND received, OUTBOUND given, note
 *       {@code Recommendation: <text>};
 *   <li>{@code Profile.csv}: the owner's own name, to tell them apart in messages.csv;
 *   <li>every other entry (Positions.csv, Skills.csv, media, …) is reported as ignored.
 * </ul>
 *
 * <p>Known quirks handled: a {@code Notes:} preamble before the header (columns are found by name, in any order),
 * {@code UTC} suffixes and the several date layouts ({@link LinkedInDates}), UTF-8 that was mis-decoded once
 * ({@code Ã©} for {@code é}, repaired), empty files and files with only a header. A row that cannot be read (no
 * date, no name) is an error by file and line; a file whose CSV breaks ends there with an error; the archive goes on.
 * Parties carry the name and, where the file has one, the profile URL in LinkedIn's canonical form.
 *
 * <p>The owner in messages.csv: the participant matching {@link Me} (a name or the LinkedIn URL) or Profile.csv's
 * name; failing both, the participant who appears in the most messages (the owner is in every message of their
 * own export). If that is a tie, {@link #read} throws {@link CaptureSource.Unreadable} naming {@code me}.
 */
@ApplicationScoped
public class LinkedInArchive implements CaptureSource {

    public static final String KIND = "linkedin";

    /** What reads Connections.csv (the contact import); {@code csv} must be read before returning and not kept. */
    @FunctionalInterface
    public interface Connections {
        void read(String entryName, InputStream csv) throws IOException;
    }

    private static final List<String> ENDORSEMENT_RECEIVED =
            List.of("Endorsement Date", "Skill Name", "Endorser First Name", "Endorser Last Name");
    private static final List<String> ENDORSEMENT_GIVEN =
            List.of("Endorsement Date", "Skill Name", "Endorsee First Name", "Endorsee Last Name");
    private static final List<String> RECOMMENDATION = List.of("First Name", "Last Name", "Creation Date");
    private static final List<String> INVITATION = List.of("From", "To", "Sent At", "Direction");
    private static final List<String> MESSAGE = List.of("FROM", "TO", "DATE");
    private static final List<String> PROFILE = List.of("First Name", "Last Name");

    private final ZoneId zone;
    private final Me me;

    /** The capture source (a bean): each call reads with its own context's zone and owner. */
    public LinkedInArchive() {
        this(ZoneOffset.UTC, null);
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** The archive is read here as a whole: messages.csv waits for Profile.csv, wherever it is in the zip. */
    @Override
    public boolean readsArchives() {
        return true;
    }

    @Override
    public boolean reads(String fileName, String mediaType) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        return name.endsWith(".zip") || type.contains("zip") || fileName == null;
    }

    /**
     * Reads the archive; its Connections.csv goes to the context's contact import (LinkedIn's contact source, whose
     * kind is also {@value #KIND}) as it streams by, so that the interactions are matched against those contacts.
     */
    @Override
    public void read(InputStream in, String fileName, String mediaType, CaptureContext context, CaptureSink sink)
            throws IOException {
        CaptureContext.ContactImport contacts = context.contacts();
        new LinkedInArchive(context.zone(), context.me())
                .read(
                        new CsvTable.NonClosing(in),
                        contacts == null ? null : (entry, csv) -> contacts.read(KIND, entry, csv),
                        sink);
    }

    /**
     * @param zone the zone of times written without {@code UTC} (invitations, recommendations); LinkedIn writes
     *     them in UTC as far as known, so UTC is the sensible argument unless a profile says otherwise
     * @param me the owner's identities (profile names and LinkedIn URL, plus {@code me})
     */
    public LinkedInArchive(ZoneId zone, Me me) {
        this.zone = zone;
        this.me = me == null ? Me.NOBODY : me;
    }

    /**
     * Reads the archive {@code zip} (closed by the caller). {@code connections} receives Connections.csv (null: the
     * entry is passed over, for a pass that wants only the captured items). Throws {@link CaptureSource.Unreadable} when the
     * upload is not a zip or holds none of LinkedIn's files.
     */
    public void read(InputStream zip, Connections connections, CaptureSink sink) throws IOException {
        Path messages = null;
        String messagesName = null;
        List<String> ownerNames = new ArrayList<>();
        int known = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new BufferedInputStream(zip, 64 * 1024), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = next(in)) != null) {
                entries++;
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                String base = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                switch (base) {
                    case "connections.csv" -> {
                        known++;
                        if (connections != null) {
                            connections.read(name, new CsvTable.NonClosing(in));
                        }
                    }
                    case "messages.csv" -> {
                        known++;
                        if (messages == null) {
                            messages = Files.createTempFile("threshold-linkedin-messages", ".csv");
                            Files.copy(in, messages, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                            messagesName = name;
                        }
                    }
                    case "invitations.csv" -> {
                        known++;
                        table(in, name, INVITATION, sink, row -> invitation(row, name, sink));
                    }
                    case "endorsement_received_info.csv" -> {
                        known++;
                        table(in, name, ENDORSEMENT_RECEIVED, sink, row -> endorsement(row, name, true, sink));
                    }
                    case "endorsement_given_info.csv" -> {
                        known++;
                        table(in, name, ENDORSEMENT_GIVEN, sink, row -> endorsement(row, name, false, sink));
                    }
                    case "recommendations_received.csv" -> {
                        known++;
                        table(in, name, RECOMMENDATION, sink, row -> recommendation(row, name, true, sink));
                    }
                    case "recommendations_given.csv" -> {
                        known++;
                        table(in, name, RECOMMENDATION, sink, row -> recommendation(row, name, false, sink));
                    }
                    case "profile.csv" -> {
                        known++;
                        table(in, name, PROFILE, sink, row -> {
                            String n = Texts.clean((nz(row.get("First Name")) + " " + nz(row.get("Last Name"))));
                            if (n != null && ownerNames.isEmpty()) {
                                ownerNames.add(n);
                            }
                        });
                    }
                    default -> sink.ignored(name);
                }
            }
            if (entries == 0) {
                throw new CaptureSource.Unreadable(
                        "This is not a zip archive: upload the .zip of LinkedIn's \"Get a copy of"
                                + " your data\" as it was downloaded.");
            }
            if (known == 0) {
                throw new CaptureSource.Unreadable("This zip holds none of LinkedIn's export files (Connections.csv,"
                        + " messages.csv, Invitations.csv, endorsements, recommendations).");
            }
            if (messages != null) {
                Me owner = me;
                for (String ownerName : ownerNames) {
                    owner = owner.with(ownerName);
                }
                messages(messages, messagesName, owner, sink);
            }
        } finally {
            if (messages != null) {
                Files.deleteIfExists(messages);
            }
        }
    }

    private static ZipEntry next(ZipInputStream in) throws IOException {
        try {
            return in.getNextEntry();
        } catch (ZipException e) {
            throw new CaptureSource.Unreadable(
                    "The zip archive is damaged (" + e.getMessage() + "); download it again.");
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void table(
            InputStream in, String name, List<String> required, CaptureSink sink, CsvTable.RowHandler handler)
            throws IOException {
        try {
            CsvTable.read(in, required, handler);
        } catch (CsvTable.Broken e) {
            sink.error(name, e.line, null, e.getMessage());
        }
    }

    private static Party party(String first, String last, String url) {
        String name = Texts.clean(nz(first) + " " + nz(last));
        return person(name, url);
    }

    private static Party person(String name, String url) {
        String slug = Texts.linkedInSlug(url);
        String canonical = slug == null ? null : dev.threshold.importing.Keys.canonicalLinkedIn(url);
        if (name == null && canonical == null) {
            return null;
        }
        return new Party(name, null, null, canonical);
    }

    private static String key(Party p) {
        return p.linkedin() != null
                ? "li:" + Texts.linkedInSlug(p.linkedin())
                : "name:" + ContactKeys.nameKey(p.name());
    }

    private void invitation(CsvTable.Row row, String file, CaptureSink sink) {
        sink.read();
        String message = row.get("Message");
        if (message == null) {
            sink.skip(file, row.line(), "invitationWithoutMessage");
            return;
        }
        String direction = nz(row.get("Direction")).toUpperCase(Locale.ROOT);
        boolean incoming = direction.equals("INCOMING");
        if (!incoming && !direction.equals("OUTGOING")) {
            sink.error(file, row.line(), null, "Direction: '" + direction + "' is neither INCOMING nor OUTGOING");
            return;
        }
        Party party = incoming
                ? person(row.get("From"), row.get("inviterProfileUrl"))
                : person(row.get("To"), row.get("inviteeProfileUrl"));
        Instant at = LinkedInDates.parse(row.get("Sent At"), zone);
        if (party == null || at == null) {
            sink.error(
                    file,
                    row.line(),
                    null,
                    party == null
                            ? "the invitation names nobody"
                            : "Sent At: '" + nz(row.get("Sent At")) + "' is not a date such as 2/7/22, 10:15 AM");
            return;
        }
        sink.accept(new Captured(
                KIND,
                "invitation/" + direction.toLowerCase(Locale.ROOT) + "/" + at + "/" + key(party),
                KIND + ":invitation",
                party,
                InteractionType.MESSAGE,
                incoming ? Direction.INBOUND : Direction.OUTBOUND,
                Channel.LINKEDIN,
                at,
                Texts.note(message)));
    }

    private void endorsement(CsvTable.Row row, String file, boolean received, CaptureSink sink) {
        sink.read();
        String who = received ? "Endorser" : "Endorsee";
        String status = nz(row.get("Endorsement Status")).toUpperCase(Locale.ROOT);
        if (status.equals("REJECTED")) {
            sink.skip(file, row.line(), "rejectedEndorsement");
            return;
        }
        Party party = party(row.get(who + " First Name"), row.get(who + " Last Name"), row.get(who + " Public Url"));
        Instant at = LinkedInDates.parse(row.get("Endorsement Date"), zone);
        String skill = row.get("Skill Name");
        if (party == null || at == null) {
            sink.error(
                    file,
                    row.line(),
                    null,
                    party == null
                            ? who + ": no name and no profile URL"
                            : "Endorsement Date: '" + nz(row.get("Endorsement Date"))
                                    + "' is not a date such as 2021/03/15 14:02:11 UTC");
            return;
        }
        String kind = received ? "endorsement-received" : "endorsement-given";
        sink.accept(new Captured(
                KIND,
                kind + "/" + at + "/" + key(party) + "/" + nz(skill),
                null,
                party,
                InteractionType.FAVOR,
                received ? Direction.INBOUND : Direction.OUTBOUND,
                Channel.LINKEDIN,
                at,
                Texts.note(skill == null ? "Endorsement" : "Endorsement: " + skill)));
    }

    private void recommendation(CsvTable.Row row, String file, boolean received, CaptureSink sink) {
        sink.read();
        Party party = party(row.get("First Name"), row.get("Last Name"), null);
        Instant at = LinkedInDates.parse(row.get("Creation Date"), zone);
        if (party == null || at == null) {
            sink.error(
                    file,
                    row.line(),
                    null,
                    party == null
                            ? "no First Name or Last Name"
                            : "Creation Date: '" + nz(row.get("Creation Date"))
                                    + "' is not a date such as 03/15/21, 02:02 PM");
            return;
        }
        String text = row.get("Text");
        String kind = received ? "recommendation-received" : "recommendation-given";
        sink.accept(new Captured(
                KIND,
                kind + "/" + at + "/" + key(party),
                null,
                party,
                InteractionType.FAVOR,
                received ? Direction.INBOUND : Direction.OUTBOUND,
                Channel.LINKEDIN,
                at,
                Texts.note(text == null ? "Recommendation" : "Recommendation: " + text)));
    }

    /** One message of messages.csv as read: its sender and recipients. */
    private record Message(
            long line,
            String conversation,
            Party from,
            List<Party> to,
            Instant at,
            String subject,
            String contentHash) {}

    private Message message(CsvTable.Row row, String file, CaptureSink sink) {
        String draft = nz(row.get("IS MESSAGE DRAFT")).toLowerCase(Locale.ROOT);
        if (draft.equals("yes") || draft.equals("true")) {
            sink.skip(file, row.line(), "draft");
            return null;
        }
        Instant at = LinkedInDates.parse(row.get("DATE"), ZoneId.of("UTC"));
        if (at == null) {
            sink.error(
                    file,
                    row.line(),
                    null,
                    "DATE: '" + nz(row.get("DATE")) + "' is not a date such as 2024-03-15 10:22:31 UTC");
            return null;
        }
        Party from = person(row.get("FROM"), row.get("SENDER PROFILE URL"));
        List<Party> to = recipients(row.get("TO"), row.get("RECIPIENT PROFILE URLS"));
        if (from == null || to.isEmpty()) {
            sink.error(file, row.line(), null, "FROM or TO is empty");
            return null;
        }
        String content = nz(row.get("CONTENT"));
        return new Message(row.line(), nz(row.get("CONVERSATION ID")), from, to, at, row.get("SUBJECT"), hash(content));
    }

    /** TO names and RECIPIENT PROFILE URLS (separated by {@code ;} or {@code ,}) paired when they pair up. */
    private static List<Party> recipients(String names, String urls) {
        List<String> u = split(urls, "[;,]");
        List<String> n = u.size() <= 1 ? (names == null ? List.of() : List.of(names)) : split(names, ",");
        List<Party> out = new ArrayList<>();
        int count = Math.max(u.size(), n.size());
        for (int i = 0; i < count; i++) {
            String name = n.size() == count ? n.get(i) : null;
            Party p = person(name, i < u.size() ? u.get(i) : null);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    private static List<String> split(String cell, String separator) {
        List<String> out = new ArrayList<>();
        if (cell != null) {
            for (String part : cell.split(separator)) {
                String p = Texts.clean(part);
                if (p != null) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private boolean isOwner(Me owner, Party p) {
        return p.linkedin() != null && owner.isLinkedIn(p.linkedin()) || p.name() != null && owner.isName(p.name());
    }

    private void messages(Path file, String name, Me given, CaptureSink sink) throws IOException {
        Me owner = given;
        if (!appears(file, name, given)) {
            owner = mostFrequent(file, name);
        }
        Me self = owner;
        try (InputStream in = Files.newInputStream(file)) {
            Map<String, Integer> seen = new HashMap<>();
            boolean found = CsvTable.read(in, MESSAGE, row -> {
                sink.read();
                Message m = message(row, name, sink);
                if (m != null) {
                    emit(m, self, name, sink, seen);
                }
            });
            if (!found && Files.size(file) > 0) {
                sink.error(name, 1, null, "no header with FROM, TO and DATE columns: not LinkedIn's messages.csv");
            }
        } catch (CsvTable.Broken e) {
            sink.error(name, e.line, null, e.getMessage());
        }
    }

    private void emit(Message m, Me self, String file, CaptureSink sink, Map<String, Integer> seen) {
        String base = "message/" + m.conversation() + "/" + m.at() + "/" + key(m.from()) + "/" + m.contentHash();
        int rank = seen.merge(base, 1, Integer::sum) - 1;
        if (seen.size() > 10_000) {
            seen.clear();
        }
        String id = rank == 0 ? base : base + "-" + rank;
        String conversation = KIND + ":" + m.conversation();
        String note = Texts.note(m.subject());
        if (isOwner(self, m.from())) {
            for (Party p : m.to()) {
                if (!isOwner(self, p)) {
                    sink.accept(new Captured(
                            KIND,
                            id + "/" + key(p),
                            conversation,
                            p,
                            InteractionType.MESSAGE,
                            Direction.OUTBOUND,
                            Channel.LINKEDIN,
                            m.at(),
                            note));
                }
            }
        } else if (m.to().stream().anyMatch(p -> isOwner(self, p))) {
            sink.accept(new Captured(
                    KIND,
                    id,
                    conversation,
                    m.from(),
                    InteractionType.MESSAGE,
                    Direction.INBOUND,
                    Channel.LINKEDIN,
                    m.at(),
                    note));
        } else {
            sink.error(file, m.line(), null, "you are neither the sender nor a recipient of this message (see ?me=)");
        }
    }

    /** Whether {@code owner} takes part in any message of the file. */
    private boolean appears(Path file, String name, Me owner) throws IOException {
        if (owner.isEmpty()) {
            return false;
        }
        boolean[] found = new boolean[1];
        scan(file, name, m -> {
            if (isOwner(owner, m.from()) || m.to().stream().anyMatch(p -> isOwner(owner, p))) {
                found[0] = true;
            }
        });
        return found[0];
    }

    /** The owner takes part in every message of their own export: the participant in the most messages. */
    private Me mostFrequent(Path file, String name) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Party> people = new HashMap<>();
        scan(file, name, m -> {
            Set<String> once = new HashSet<>();
            List<Party> all = new ArrayList<>(m.to());
            all.add(m.from());
            for (Party p : all) {
                String k = key(p);
                if (once.add(k) && (counts.containsKey(k) || counts.size() < 100_000)) {
                    counts.merge(k, 1, Integer::sum);
                    people.putIfAbsent(k, p);
                }
            }
        });
        int max = counts.values().stream().max(Integer::compare).orElse(0);
        List<String> top = counts.entrySet().stream()
                .filter(e -> e.getValue() == max)
                .map(Map.Entry::getKey)
                .toList();
        if (max == 0) {
            return Me.NOBODY;
        }
        if (top.size() != 1) {
            throw new CaptureSource.Unreadable(
                    "messages.csv: cannot tell which participant is you; add your name or"
                            + " LinkedIn URL to your profile, or send it as ?me=",
                    "me");
        }
        Party p = people.get(top.get(0));
        return Me.NOBODY.with(p.name()).with(p.linkedin());
    }

    private void scan(Path file, String name, java.util.function.Consumer<Message> each) throws IOException {
        CaptureSink quiet = new CaptureSink() {
            @Override
            public void read() {}

            @Override
            public void accept(Captured item) {}

            @Override
            public void skip(String reason) {}

            @Override
            public void error(long line, String item, String message) {}

            @Override
            public void warning(long line, String item, String message) {}
        };
        try (InputStream in = Files.newInputStream(file)) {
            CsvTable.read(in, MESSAGE, row -> {
                Message m = message(row, name, quiet);
                if (m != null) {
                    each.accept(m);
                }
            });
        } catch (CsvTable.Broken e) {
            // reported when the messages are read
        }
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
