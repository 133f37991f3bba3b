package dev.threshold.capture;

import dev.threshold.interaction.Channel;
import dev.threshold.platform.problem.ApiProblem;
import dev.threshold.score.math.Direction;
import dev.threshold.score.math.InteractionType;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.field.DateTimeField;
import org.apache.james.mime4j.field.DateTimeFieldLenientImpl;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.stream.RawField;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Mail: an mbox (Google Takeout's, with {@code X-Gmail-Labels}; Thunderbird's, Apple Mail's), or one message
 * ({@code message/rfc822}, an {@code .eml}). Headers only: each message's header block is read (up to
 * {@value #MAX_HEADER} bytes) and parsed with Apache James mime4j (addresses, dates, RFC 2047 encoded words); its body
 * is skipped line by line and never held, stored or logged. A message from one of the owner's addresses is OUTBOUND
 * to each To/Cc/Bcc recipient (at most {@code maxRecipients}); one from someone else that names the owner in To or Cc
 * is INBOUND from its sender. Skipped and counted: drafts, spam and trash (Gmail labels), mailing lists
 * ({@code List-Id}), bulk mail ({@code List-Unsubscribe}, {@code Precedence: bulk|list|junk}), automated mail
 * ({@code Auto-Submitted} other than {@code no}), no-reply and mailer-daemon senders. A message that cannot be read
 * (no date, no sender) is an error of its line; the file goes on.
 */
@ApplicationScoped
public class MailSource implements CaptureSource {

    public static final String KIND = "mail";
    static final int MAX_HEADER = 1 << 20;

    private static final Pattern NO_REPLY =
            Pattern.compile("(?i)^(no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer[-_.]?daemon|postmaster)([-_.+].*)?$");
    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "list", "junk");
    private static final Set<String> MULTI = Set.of("to", "cc", "bcc", "x-gmail-labels");

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean reads(String fileName, String mediaType) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String type = CaptureFiles.base(mediaType);
        return name.endsWith(".mbox")
                || name.endsWith(".eml")
                || name.endsWith(".mbx")
                || type.equals("application/mbox")
                || type.equals("application/x-mbox")
                || type.equals("message/rfc822")
                || fileName == null && !type.startsWith("image/");
    }

    @Override
    public void read(InputStream in, String fileName, String mediaType, CaptureContext context, CaptureSink sink)
            throws IOException {
        if (!context.me().hasEmail()) {
            throw ApiProblem.invalid(
                    "me",
                    "is required: mail needs your e-mail addresses to tell your messages from others'; set them in"
                            + " /api/v1/settings/profile or pass ?me=you@example.com");
        }
        MailLines lines = new MailLines(in);
        if (!lines.next(true, MAX_HEADER)) {
            throw new Unreadable("the mail file is empty");
        }
        if (lines.isFromLine()) {
            mbox(lines, context, sink);
        } else {
            if (!looksLikeHeader(lines)) {
                throw new Unreadable("this is neither an mbox (no From line first) nor a mail message (no header)");
            }
            ByteArrayOutputStream header = new ByteArrayOutputStream(4096);
            header.write(lines.bytes(), 0, lines.length());
            header.write('\n');
            boolean[] overflow = {false};
            boolean[] next = {false};
            readHeader(lines, header, overflow, next, false);
            message(header, overflow[0], 1, context, sink);
        }
    }

    /** Every message of an mbox, the {@code From } line of the first one just read. */
    private void mbox(MailLines lines, CaptureContext context, CaptureSink sink) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream(4096);
        boolean more = true;
        while (more) {
            long start = lines.number();
            header.reset();
            boolean[] overflow = {false};
            boolean[] nextMessage = {false};
            boolean inBody = readHeader(lines, header, overflow, nextMessage, true);
            more = nextMessage[0];
            if (inBody) {
                more = skipBody(lines);
            }
            message(header, overflow[0], start, context, sink);
        }
    }

    /**
     * Reads header lines into {@code header} up to the empty line; true when a body follows. In an mbox a
     * {@code From } line ends a message without body ({@code nextMessage}).
     */
    private static boolean readHeader(
            MailLines lines, ByteArrayOutputStream header, boolean[] overflow, boolean[] nextMessage, boolean mbox)
            throws IOException {
        while (lines.next(true, MAX_HEADER)) {
            if (lines.isEmpty()) {
                return true;
            }
            if (mbox && lines.isFromLine()) {
                nextMessage[0] = true;
                return false;
            }
            if (header.size() + lines.length() + 1 > MAX_HEADER || lines.truncated()) {
                overflow[0] = true;
            } else {
                header.write(lines.bytes(), 0, lines.length());
                header.write('\n');
            }
        }
        return false;
    }

    /** Skips a body up to the next {@code From } line that follows an empty line; true when there is one. */
    private static boolean skipBody(MailLines lines) throws IOException {
        boolean previousEmpty = true;
        while (lines.next(false, 0)) {
            if (previousEmpty && lines.isFromLine()) {
                return true;
            }
            previousEmpty = lines.isEmpty();
        }
        return false;
    }

    private static boolean looksLikeHeader(MailLines lines) {
        String first = new String(lines.bytes(), 0, Math.min(lines.length(), 200), StandardCharsets.ISO_8859_1);
        return first.matches("^[!-9;-~]+:.*");
    }

    /** One message's header block: what it is (skipped, an error, or items); a header beyond reading is an error. */
    private void message(
            ByteArrayOutputStream raw, boolean overflow, long line, CaptureContext context, CaptureSink sink) {
        sink.read();
        try {
            headers(raw, overflow, line, context, sink);
        } catch (RuntimeException e) {
            sink.error(line, null, "the header cannot be read: " + e.getClass().getSimpleName());
        }
    }

    private void headers(
            ByteArrayOutputStream raw, boolean overflow, long line, CaptureContext context, CaptureSink sink) {
        if (overflow) {
            sink.error(line, null, "the header is larger than 1 MB");
            return;
        }
        Map<String, String> h = fields(text(raw.toByteArray(), raw.size()));
        String messageId = messageId(h.get("message-id"));
        String labels = h.getOrDefault("x-gmail-labels", "").toLowerCase(Locale.ROOT);
        List<String> labelList = new ArrayList<>();
        for (String l : labels.split(",")) {
            labelList.add(l.strip());
        }
        if (labelList.contains("drafts") || labelList.contains("draft")) {
            sink.skip("draft");
            return;
        }
        if (labelList.contains("spam")) {
            sink.skip("spam");
            return;
        }
        if (labelList.contains("trash")) {
            sink.skip("trash");
            return;
        }
        if (h.containsKey("list-id")) {
            sink.skip("mailingList");
            return;
        }
        if (h.containsKey("list-unsubscribe")) {
            sink.skip("bulk");
            return;
        }
        String precedence = h.get("precedence");
        if (precedence != null && BULK_PRECEDENCE.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
            sink.skip("bulk");
            return;
        }
        String auto = h.get("auto-submitted");
        if (auto != null
                && !auto.isBlank()
                && !auto.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            sink.skip("automated");
            return;
        }
        Mailbox from = first(addresses(h.get("from")));
        if (from == null) {
            sink.error(line, messageId, "From: missing or unreadable");
            return;
        }
        if (NO_REPLY.matcher(from.getLocalPart() == null ? "" : from.getLocalPart())
                .matches()) {
            sink.skip("noReply");
            return;
        }
        Instant at = date(h.get("date"));
        if (at == null) {
            sink.error(line, messageId, "Date: missing or unreadable");
            return;
        }
        String subject = subject(h.get("subject"));
        String id = messageId != null
                ? messageId
                : "hash:" + hash(h.get("date") + "|" + h.get("from") + "|" + h.get("to") + "|" + h.get("subject"));
        String thread = h.get("x-gm-thrid");
        Me me = context.me();
        if (me.isEmail(from.getAddress())) {
            Map<String, Mailbox> to = new LinkedHashMap<>();
            for (String field : List.of("to", "cc", "bcc")) {
                for (Mailbox m : addresses(h.get(field))) {
                    String address = address(m);
                    if (address != null && !me.isEmail(address)) {
                        to.putIfAbsent(address, m);
                    }
                }
            }
            if (to.isEmpty()) {
                sink.skip("noRecipients");
                return;
            }
            if (to.size() > context.maxRecipients()) {
                sink.skip("tooManyRecipients");
                return;
            }
            for (Map.Entry<String, Mailbox> r : to.entrySet()) {
                sink.accept(item(id, thread, party(r.getValue(), r.getKey()), Direction.OUTBOUND, at, subject));
            }
            return;
        }
        boolean toMe = false;
        for (String field : List.of("to", "cc")) {
            for (Mailbox m : addresses(h.get(field))) {
                toMe |= me.isEmail(address(m));
            }
        }
        if (!toMe) {
            sink.skip("notAddressedToYou");
            return;
        }
        sink.accept(item(id, thread, party(from, address(from)), Direction.INBOUND, at, subject));
    }

    private static Captured item(
            String id, String thread, Party party, Direction direction, Instant at, String subject) {
        return new Captured(
                KIND,
                id + "|" + party.email(),
                thread,
                party,
                InteractionType.MESSAGE,
                direction,
                Channel.EMAIL,
                at,
                subject);
    }

    private static Party party(Mailbox m, String address) {
        String name = m.getName();
        if (name != null) {
            name = decode(name).strip();
            if (name.isEmpty() || name.equalsIgnoreCase(address)) {
                name = null;
            }
        }
        return new Party(name, address, null, null);
    }

    private static String address(Mailbox m) {
        String a = m == null ? null : m.getAddress();
        return a == null || a.isBlank() || !a.contains("@") ? null : a.strip().toLowerCase(Locale.ROOT);
    }

    /** The header block as text: UTF-8 (RFC 6532), else Latin-1 for the 8-bit headers of old mailers. */
    static String text(byte[] bytes, int length) {
        String utf8 = new String(bytes, 0, length, StandardCharsets.UTF_8);
        return utf8.indexOf('\uFFFD') < 0 ? utf8 : new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }

    /**
     * The fields of a header block, unfolded, by lower-case name: the first occurrence, except for address lists and
     * labels, whose occurrences are joined with commas.
     */
    static Map<String, String> fields(String header) {
        Map<String, String> out = new HashMap<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String l : header.split("\n", -1)) {
            if (!l.isEmpty() && (l.charAt(0) == ' ' || l.charAt(0) == '\t')) {
                if (name != null) {
                    value.append(' ').append(l.strip());
                }
                continue;
            }
            put(out, name, value);
            name = null;
            value.setLength(0);
            int colon = l.indexOf(':');
            if (colon > 0) {
                name = l.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                value.append(l.substring(colon + 1).strip());
            }
        }
        put(out, name, value);
        return out;
    }

    private static void put(Map<String, String> out, String name, StringBuilder value) {
        if (name == null) {
            return;
        }
        String v = value.toString();
        if (MULTI.contains(name)) {
            out.merge(name, v, (a, b) -> a + ", " + b);
        } else {
            out.putIfAbsent(name, v);
        }
    }

    static List<Mailbox> addresses(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        try {
            AddressList list = LenientAddressParser.DEFAULT.parseAddressList(value);
            return list == null ? List.of() : list.flatten();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static Mailbox first(List<Mailbox> boxes) {
        for (Mailbox m : boxes) {
            if (address(m) != null) {
                return m;
            }
        }
        return null;
    }

    static Instant date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            DateTimeField f = DateTimeFieldLenientImpl.PARSER.parse(new RawField("Date", value), DecodeMonitor.SILENT);
            Date d = f.getDate();
            return d == null ? null : d.toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The subject with RFC 2047 encoded words decoded, on one line. */
    static String subject(String value) {
        if (value == null) {
            return null;
        }
        String s = decode(value).replaceAll("[\\r\\n\\t]+", " ").strip();
        return s.isEmpty() ? null : s;
    }

    private static String decode(String value) {
        if (!value.contains("=?")) {
            return value;
        }
        try {
            return DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT);
        } catch (RuntimeException e) {
            return value;
        }
    }

    /** The Message-ID without its angle brackets and white space, or null. */
    static String messageId(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        int lt = v.indexOf('<');
        int gt = v.indexOf('>', lt + 1);
        if (lt >= 0 && gt > lt) {
            v = v.substring(lt + 1, gt);
        }
        v = v.replaceAll("\\s+", "");
        return v.isEmpty() ? null : v;
    }

    private static String hash(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
