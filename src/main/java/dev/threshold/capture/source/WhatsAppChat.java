package dev.threshold.capture.source;

import dev.threshold.capture.CaptureContext;
import dev.threshold.capture.CaptureSink;
import dev.threshold.capture.CaptureSource;
import dev.threshold.capture.Captured;
import dev.threshold.capture.Me;
import dev.threshold.capture.Party;
import dev.threshold.importing.ImportService.Upload;
import dev.threshold.interaction.Channel;
import dev.threshold.interaction.Exchanges;
import dev.threshold.score.math.Direction;
import dev.threshold.score.math.InteractionType;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A WhatsApp chat export, as the Android and iOS apps write it ("Export chat"): the chat's text file
 * ({@code WhatsApp Chat with Jane.txt} on Android, {@code _chat.txt} on iOS) or the {@code .zip} the app shares with
 * it (media files are ignored and reported as such). One {@link Captured} MESSAGE per message and other party, channel
 * WHATSAPP: INBOUND from the participant who wrote it; the owner's OUTBOUND to the other participant of a 1:1 chat, and
 * in a group to each participant who wrote less than 30 minutes before or after it (without a source id of its own:
 * see {@link Captured}).
 *
 * <p>Every header layout both apps write: {@code 31/12/2023, 23:59 - Jane: …} and {@code 12/31/23, 11:59 PM - Jane:
 * …} (Android, {@code " - "} separator), {@code [31/12/2023, 23:59:59] Jane: …} and {@code [12/31/23, 11:59:59 PM]
 * Jane: …} (iOS, brackets), with {@code /}, {@code .} or {@code -} between day, month and year, 2- or 4-digit years,
 * year first ({@code 2023-12-31}), 12 or 24 hours ({@code PM}, {@code pm}, {@code p.m.}, {@code p. m.}), seconds or
 * not, narrow no-break spaces (U+202F) and direction marks (U+200E, U+202A…U+202C) anywhere. Lines that do not start
 * with a header continue the message before them (multi-line messages).
 *
 * <p>Day/month order is decided per file, reading it twice (the {@link Upload} is opened again): a first number above
 * 12 anywhere means day first, a second number above 12 month first; if no number decides, the order under which the
 * dates run forward (chats are chronological) with fewer steps back; if that ties too, day first for {@code .}
 * separators and 4-digit years (en_GB and most locales), month first for {@code /} with 2-digit years (en_US).
 *
 * <p>Times are the phone's wall clock, read in the given zone (a time that does not exist in a DST gap moves
 * forward, an ambiguous one takes the earlier offset). Not messages and skipped: system lines (no {@code "Name: "}
 * after the header, such as Android's "Messages and calls are end-to-end encrypted", "Jane added Bob", "You changed
 * the subject…"; iOS writes them with the chat's name as sender and a U+200E mark before the text). Messages with
 * media count as messages ({@code <Media omitted>} on Android; iOS {@code <attached: …>} and {@code image omitted}).
 *
 * <p>The owner is the participant whose name or phone is one of {@link Me}'s; failing that, in a chat named after its
 * other participant (iOS's system lines name the chat; Android's file name is {@code WhatsApp Chat with Jane.txt})
 * the one who is not that participant; when only one participant wrote and it is not the owner, everything is
 * INBOUND. If nothing tells, {@link #read} throws {@link CaptureSource.Unreadable} naming
 * {@code me}. A participant is a phone when WhatsApp shows a number (not in the phone's address book), else a name.
 *
 * <p>{@code sourceId} is stable across exports of the same chat: the conversation, a hash of the message's wall-clock
 * time, sender and text (and its rank among identical ones), plus the party for an OUTBOUND message in a group; it
 * does not depend on the line, which moves when a later export starts at another message.
 */
@ApplicationScoped
public class WhatsAppChat implements CaptureSource {

    public static final String KIND = "whatsapp";

    /** A longer line is cut: no message is worth more memory than that. */
    static final int MAX_LINE = 64 * 1024;

    /** How many lines may come before the first header before the file is not a chat. */
    static final int MAX_LINES_BEFORE_HEADER = 200;

    /** At most this many distinct participants are kept (a large group has 1,024). */
    static final int MAX_PARTICIPANTS = 5000;

    private static final String DATE = "(\\d{1,4})([./-])(\\d{1,2})\\2(\\d{1,4})";
    private static final String TIME = "(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?(?:\\s?([AaPp])\\.?\\s?[Mm]\\.?)?";
    private static final Pattern IOS = Pattern.compile("^\\[" + DATE + ",?\\s+" + TIME + "\\]\\s?(.*)$");
    private static final Pattern ANDROID = Pattern.compile("^" + DATE + ",?\\s+" + TIME + "\\s+[-\\u2013]\\s(.*)$");
    private static final Pattern IOS_MEDIA =
            Pattern.compile("(?i)^(<attached: .*>|(image|video|audio|sticker|gif|document|contact card) omitted.*)$");
    private static final Pattern FILE_NAME = Pattern.compile(
            "(?i)^(?:.*/)?(?:whatsapp[ -]chat(?: with| mit| avec| con| com| met| -)|chat de whatsapp con|conversa do whatsapp com)\\s+(.+?)(?:\\.txt|\\.zip)?$");

    private final ZoneId zone;
    private final Me me;

    /** The capture source (a bean): each call reads with its own context's zone and owner. */
    public WhatsAppChat() {
        this(ZoneOffset.UTC, null);
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** The chat's text, or the zip the app shares (read here: the first {@code .txt}, the media ignored). */
    @Override
    public boolean readsArchives() {
        return true;
    }

    @Override
    public boolean reads(String fileName, String mediaType) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        return name.endsWith(".txt")
                || name.endsWith(".zip")
                || type.startsWith("text/plain")
                || type.contains("zip")
                || fileName == null && !type.startsWith("image/") && !type.startsWith("video/");
    }

    /** Spools the file to a temporary file (it is read twice, see {@link #read(Upload, String, CaptureSink)}). */
    @Override
    public void read(InputStream in, String fileName, String mediaType, CaptureContext context, CaptureSink sink)
            throws IOException {
        Path spooled = Files.createTempFile("threshold-whatsapp", ".chat");
        try {
            Files.copy(in, spooled, StandardCopyOption.REPLACE_EXISTING);
            new WhatsAppChat(context.zone(), context.me()).read(() -> Files.newInputStream(spooled), fileName, sink);
        } finally {
            Files.deleteIfExists(spooled);
        }
    }

    /**
     * @param zone the zone the phone's wall clock is read in (the profile's {@code timeZone} or the {@code tz}
     *     parameter)
     * @param me the owner's identities (profile names and phones, plus {@code me})
     */
    public WhatsAppChat(ZoneId zone, Me me) {
        this.zone = zone;
        this.me = me == null ? Me.NOBODY : me;
    }

    /** Day and month order of a file. */
    enum Order {
        DAY_FIRST,
        MONTH_FIRST,
        YEAR_FIRST
    }

    /** A message header: the date and time as written, and the rest of the line. */
    record Header(
            int a,
            int b,
            int c,
            boolean yearFirst,
            char separator,
            int hour,
            int minute,
            int second,
            char meridiem,
            String rest) {

        LocalDateTime at(Order order) {
            int year;
            int month;
            int day;
            if (yearFirst) {
                year = a;
                month = b;
                day = c;
            } else {
                year = c < 100 ? 2000 + c : c;
                month = order == Order.MONTH_FIRST ? a : b;
                day = order == Order.MONTH_FIRST ? b : a;
            }
            int h = hour;
            if (meridiem != 0) {
                if (h < 1 || h > 12) {
                    throw new DateTimeException("hour " + hour + " with AM/PM");
                }
                h = h % 12 + (meridiem == 'p' ? 12 : 0);
            }
            return LocalDateTime.of(year, month, day, h, minute, second);
        }
    }

    /** A header, or null when the line does not start with one. */
    static Header header(String line) {
        int start = 0;
        while (start < line.length() && Texts.isMark(line.charAt(start))) {
            start++;
        }
        if (start == line.length()) {
            return null;
        }
        char first0 = line.charAt(start);
        if (first0 != '[' && (first0 < '0' || first0 > '9')) {
            return null; // a continuation line: no regex needed
        }
        String l = Texts.plainSpaces(start == 0 ? line : line.substring(start));
        Matcher m = (first0 == '[' ? IOS : ANDROID).matcher(l);
        if (!m.matches()) {
            return null;
        }
        String first = m.group(1);
        boolean yearFirst = first.length() > 2;
        if (!yearFirst && m.group(4).length() == 3) {
            return null;
        }
        String meridiem = m.group(8);
        return new Header(
                Integer.parseInt(first),
                Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)),
                yearFirst,
                m.group(2).charAt(0),
                Integer.parseInt(m.group(5)),
                Integer.parseInt(m.group(6)),
                m.group(7) == null ? 0 : Integer.parseInt(m.group(7)),
                meridiem == null ? 0 : Character.toLowerCase(meridiem.charAt(0)),
                m.group(9));
    }

    /** A message line's sender and text, or null for a system line. */
    record Said(String sender, String text, boolean media) {}

    static Said said(String rest) {
        int colon = rest.indexOf(": ");
        if (colon <= 0) {
            return null; // Android system line: "Messages and calls are end-to-end encrypted…", "Jane added Bob"
        }
        String sender = Texts.clean(rest.substring(0, colon));
        if (sender == null || sender.indexOf('"') >= 0 || sender.indexOf('\u201C') >= 0) {
            return null; // "You changed the subject from "A" to "B: c""
        }
        String raw = rest.substring(colon + 2);
        if (raw.startsWith("\u200E")) {
            String t = Texts.clean(raw);
            if (t != null && IOS_MEDIA.matcher(t).matches()) {
                return new Said(sender, t, true);
            }
            return null; // iOS system line, written as the chat's name: "‎Messages and calls are end-to-end encrypted"
        }
        String t = Texts.stripMarks(raw);
        return new Said(sender, t, t.strip().equalsIgnoreCase("<Media omitted>"));
    }

    /** What the first reading of a file found out. */
    static final class Scan {
        boolean dayEvidence;
        boolean monthEvidence;
        int dayFirstSteps;
        int monthFirstSteps;
        LocalDate lastDayFirst;
        LocalDate lastMonthFirst;
        int dots;
        int fourDigitYears;
        int shortYears;
        int headers;
        boolean yearFirstOnly = true;
        String chatName;
        final Map<String, Integer> senders = new LinkedHashMap<>();

        void add(Header h) {
            headers++;
            if (!h.yearFirst()) {
                yearFirstOnly = false;
                if (h.a() > 12) {
                    dayEvidence = true;
                }
                if (h.b() > 12) {
                    monthEvidence = true;
                }
                if (h.separator() == '.') {
                    dots++;
                }
                if (h.c() >= 100) {
                    fourDigitYears++;
                } else {
                    shortYears++;
                }
                lastDayFirst = step(h, Order.DAY_FIRST, lastDayFirst, true);
                lastMonthFirst = step(h, Order.MONTH_FIRST, lastMonthFirst, false);
            }
        }

        private LocalDate step(Header h, Order order, LocalDate last, boolean dayFirst) {
            LocalDate d;
            try {
                d = h.at(order).toLocalDate();
            } catch (DateTimeException e) {
                return last;
            }
            if (last != null && d.isBefore(last)) {
                if (dayFirst) {
                    dayFirstSteps++;
                } else {
                    monthFirstSteps++;
                }
            }
            return d;
        }

        Order order() {
            if (yearFirstOnly) {
                return Order.YEAR_FIRST;
            }
            if (dayEvidence != monthEvidence) {
                return dayEvidence ? Order.DAY_FIRST : Order.MONTH_FIRST;
            }
            if (dayFirstSteps != monthFirstSteps) {
                return dayFirstSteps < monthFirstSteps ? Order.DAY_FIRST : Order.MONTH_FIRST;
            }
            boolean us = dots == 0 && shortYears > fourDigitYears;
            return us ? Order.MONTH_FIRST : Order.DAY_FIRST;
        }
    }

    /**
     * Reads the chat: {@code upload} is opened twice (first to learn the day/month order, the participants and who
     * the owner is, then to emit). {@code fileName} is the uploaded file's name if known (it names a 1:1 chat's other
     * participant); may be null. Throws {@link CaptureSource.Unreadable} when this is not a WhatsApp chat or the owner cannot
     * be told apart ({@code field() == "me"}).
     */
    public void read(Upload upload, String fileName, CaptureSink sink) throws IOException {
        Scan scan = new Scan();
        String[] entryName = new String[1];
        try (InputStream in = chatText(upload.open(), null, entryName)) {
            scan(in, scan);
        }
        String file = entryName[0] != null ? entryName[0] : fileName != null ? fileName : "chat.txt";
        if (scan.chatName == null) {
            scan.chatName = chatNameOf(entryName[0]);
        }
        if (scan.chatName == null) {
            scan.chatName = chatNameOf(fileName);
        }
        Order order = scan.order();
        Set<String> owners = owners(scan);
        List<String> others = new ArrayList<>();
        for (String s : scan.senders.keySet()) {
            if (!owners.contains(s)) {
                others.add(s);
            }
        }
        if (others.isEmpty() && scan.chatName != null && !owners.contains(scan.chatName)) {
            others.add(scan.chatName);
        }
        String conversation = KIND + ":"
                + (scan.chatName != null ? scan.chatName : String.join(",", new TreeSet<>(scan.senders.keySet())));
        try (InputStream in = chatText(upload.open(), sink, null)) {
            new Emitter(file, order, owners, others, conversation, sink).run(in);
        }
    }

    /** A chat's other participant (or group) as the file name shows it: {@code WhatsApp Chat with Jane Doe.txt}. */
    static String chatNameOf(String fileName) {
        if (fileName == null) {
            return null;
        }
        Matcher m = FILE_NAME.matcher(fileName.strip());
        return m.matches() ? Texts.clean(m.group(1)) : null;
    }

    private void scan(InputStream in, Scan scan) throws IOException {
        Lines lines = new Lines(in, MAX_LINE);
        String line;
        while ((line = lines.next()) != null) {
            Header h = header(line);
            if (h == null) {
                if (scan.headers == 0 && lines.number() >= MAX_LINES_BEFORE_HEADER) {
                    break;
                }
                continue;
            }
            scan.add(h);
            int colon = h.rest().indexOf(": ");
            Said said = said(h.rest());
            if (said == null) {
                if (scan.chatName == null && colon > 0 && h.rest().startsWith("\u200E", colon + 2)) {
                    scan.chatName = Texts.clean(h.rest().substring(0, colon)); // iOS names the chat in system lines
                }
            } else if (scan.senders.size() < MAX_PARTICIPANTS || scan.senders.containsKey(said.sender())) {
                scan.senders.merge(said.sender(), 1, Integer::sum);
            }
        }
        if (scan.headers == 0) {
            throw new CaptureSource.Unreadable(
                    "This is not a WhatsApp chat export: no line starts with a date and time such as"
                            + " '31/12/2023, 23:59 - ' or '[12/31/23, 11:59:59 PM] '. Upload the .txt or .zip of \"Export chat\".");
        }
    }

    /** The owner's names as the chat shows them. */
    private Set<String> owners(Scan scan) {
        Set<String> owners = new LinkedHashSet<>();
        for (String s : scan.senders.keySet()) {
            if (me.isName(s) || Texts.isPhone(s) && me.isPhone(s)) {
                owners.add(s);
            }
        }
        if (!owners.isEmpty()) {
            return owners;
        }
        Set<String> senders = scan.senders.keySet();
        String chat = scan.chatName;
        if (chat != null && senders.size() == 2 && senders.contains(chat)) {
            for (String s : senders) {
                if (!s.equals(chat)) {
                    owners.add(s);
                }
            }
            return owners;
        }
        if (senders.isEmpty() || senders.size() == 1 && (chat != null && senders.contains(chat) || !me.isEmpty())) {
            return owners; // only the other side wrote (the owner is known, and is not the one who wrote)
        }
        throw new CaptureSource.Unreadable(
                "Cannot tell which participant of this chat is you (" + String.join(", ", first(senders, 5))
                        + "): add your name as WhatsApp shows it to your profile, or send it as ?me=",
                "me");
    }

    private static List<String> first(Set<String> names, int n) {
        return names.stream().limit(n).toList();
    }

    /**
     * The chat's text: the upload itself, or the first {@code .txt} entry of a zip (the others reported to
     * {@code sink} as ignored when it is given, after the text was read). The entry's name goes to
     * {@code entryName[0]}.
     */
    private static InputStream chatText(InputStream raw, CaptureSink sink, String[] entryName) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (!(magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4)) {
            return in;
        }
        ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
        ZipEntry entry;
        while ((entry = zip.getNextEntry()) != null) {
            String name = entry.getName();
            if (!entry.isDirectory() && name.toLowerCase(Locale.ROOT).endsWith(".txt")) {
                if (entryName != null) {
                    entryName[0] = name;
                }
                return new FilterInputStream(zip) {
                    @Override
                    public void close() throws IOException {
                        if (sink != null) {
                            ZipEntry rest;
                            while ((rest = zip.getNextEntry()) != null) {
                                if (!rest.isDirectory()) {
                                    sink.ignored(rest.getName());
                                }
                            }
                        }
                        zip.close();
                    }
                };
            }
            if (sink != null && !entry.isDirectory()) {
                sink.ignored(name);
            }
        }
        zip.close();
        throw new CaptureSource.Unreadable(
                "The zip holds no chat .txt file: upload the .zip that WhatsApp's \"Export chat\""
                        + " shares, or its _chat.txt.");
    }

    /** The second reading: messages out, one per party. */
    private final class Emitter {
        private final String file;
        private final Order order;
        private final Set<String> owners;
        private final List<String> others;
        private final String conversation;
        private final CaptureSink sink;
        private final Map<String, Integer> sameTime = new HashMap<>();
        private final Map<String, Party> parties = new HashMap<>();
        private final MessageDigest sha256 = sha256();
        /** In a group: each participant → when they last wrote; the owner's messages of the last 30 minutes. */
        private final Map<String, Instant> lastWrote = new HashMap<>();

        private final ArrayDeque<OwnerMessage> ours = new ArrayDeque<>();
        private LocalDateTime lastAt;

        private long line;
        private Header header;
        private final StringBuilder text = new StringBuilder();
        private boolean textCut;

        Emitter(
                String file,
                Order order,
                Set<String> owners,
                List<String> others,
                String conversation,
                CaptureSink sink) {
            this.file = file;
            this.order = order;
            this.owners = owners;
            this.others = others;
            this.conversation = conversation;
            this.sink = sink;
        }

        void run(InputStream in) throws IOException {
            Lines lines = new Lines(in, MAX_LINE);
            String l;
            boolean started = false;
            while ((l = lines.next()) != null) {
                Header h = header(l);
                if (h != null) {
                    flush();
                    started = true;
                    line = lines.number();
                    header = h;
                    text.setLength(0);
                    textCut = false;
                    text.append(h.rest());
                } else if (header != null) {
                    if (text.length() <= Texts.NOTE_LIMIT) {
                        text.append('\n').append(l);
                    } else {
                        textCut = true;
                    }
                } else if (!started && !l.isBlank()) {
                    sink.skip(file, lines.number(), "notAMessage");
                }
            }
            flush();
        }

        private void flush() {
            if (header == null) {
                return;
            }
            Header h = header;
            header = null;
            sink.read();
            Said said = said(text.toString());
            if (said == null) {
                sink.skip(file, line, "systemLine");
                return;
            }
            LocalDateTime at;
            try {
                at = h.at(order);
            } catch (DateTimeException e) {
                sink.error(
                        file,
                        line,
                        null,
                        "not a date and time (read "
                                + order.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "): " + e.getMessage());
                return;
            }
            if (!at.equals(lastAt)) {
                sameTime.clear();
                lastAt = at;
            }
            String hash = hash(sha256, at + "\n" + said.sender() + "\n" + said.text() + (textCut ? "\n…" : ""));
            int rank = sameTime.merge(hash, 1, Integer::sum) - 1;
            String id = conversation + "/" + hash + (rank == 0 ? "" : "-" + rank);
            String note = Texts.note(said.text());
            var instant = at.atZone(zone).toInstant();
            if (owners.contains(said.sender())) {
                if (others.isEmpty()) {
                    sink.error(
                            file,
                            line,
                            null,
                            "you wrote this, but nobody else wrote in this chat and its name is unknown");
                }
                if (others.size() == 1) {
                    outbound(others.get(0), id, instant, note);
                    return;
                }
                // a group: to each participant who wrote less than 30 minutes before it, now; to those who write less
                // than 30 minutes after it, when they do (ours). Always in an exchange with a line of theirs, which
                // remembers it: no source id of its own (Captured)
                OwnerMessage mine = new OwnerMessage(instant, note, new HashSet<>());
                for (Map.Entry<String, Instant> wrote : lastWrote.entrySet()) {
                    if (near(wrote.getValue(), instant)) {
                        mine.to().add(wrote.getKey());
                        outbound(wrote.getKey(), null, instant, note);
                    }
                }
                forget(instant);
                ours.addLast(mine);
            } else {
                if (others.size() > 1) {
                    forget(instant);
                    for (OwnerMessage mine : ours) {
                        if (near(mine.at(), instant) && mine.to().add(said.sender())) {
                            outbound(said.sender(), null, mine.at(), mine.note());
                        }
                    }
                    lastWrote.put(said.sender(), instant);
                }
                sink.accept(new Captured(
                        KIND,
                        id,
                        conversation,
                        party(said.sender(), parties),
                        InteractionType.MESSAGE,
                        Direction.INBOUND,
                        Channel.WHATSAPP,
                        instant,
                        note));
            }
        }

        private void outbound(String other, String id, Instant at, String note) {
            sink.accept(new Captured(
                    KIND,
                    id,
                    conversation,
                    party(other, parties),
                    InteractionType.MESSAGE,
                    Direction.OUTBOUND,
                    Channel.WHATSAPP,
                    at,
                    note));
        }

        /** The owner's group messages that no later message can be near any more. */
        private void forget(Instant now) {
            while (!ours.isEmpty() && !ours.peekFirst().at().plus(Exchanges.GAP).isAfter(now)) {
                ours.removeFirst();
            }
        }
    }

    /** Less than the exchange gap apart, either way. */
    private static boolean near(Instant a, Instant b) {
        return Duration.between(a, b).abs().compareTo(Exchanges.GAP) < 0;
    }

    /** An owner's message in a group, and who it went to so far. */
    private record OwnerMessage(Instant at, String note, Set<String> to) {}

    /** A participant as WhatsApp shows them: a phone number when not in the phone's address book, else a name. */
    static Party party(String sender) {
        return Texts.isPhone(sender) ? Party.phone(null, sender) : Party.named(sender);
    }

    private static Party party(String sender, Map<String, Party> known) {
        Party p = known.get(sender);
        if (p == null) {
            p = party(sender);
            if (known.size() < MAX_PARTICIPANTS) {
                known.put(sender, p);
            }
        }
        return p;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(MessageDigest sha256, String s) {
        byte[] d = sha256.digest(s.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d, 0, 8);
    }
}
