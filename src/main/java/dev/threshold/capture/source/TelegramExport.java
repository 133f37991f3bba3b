package dev.threshold.capture.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.threshold.capture.CaptureContext;
import dev.threshold.capture.CaptureSink;
import dev.threshold.capture.CaptureSource;
import dev.threshold.capture.Captured;
import dev.threshold.capture.Me;
import dev.threshold.capture.Party;
import dev.threshold.interaction.Channel;
import dev.threshold.score.math.Direction;
import dev.threshold.score.math.InteractionType;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Telegram Desktop's JSON export, {@code result.json}, read with Jackson's streaming parser token by token, so that a
 * 500 MB file never sits in memory: either the whole account ("Export Telegram data": {@code personal_information},
 * {@code contacts}, {@code chats.list[]}) or one chat ("Export chat history": the chat object itself). Only personal
 * chats ({@code "type": "personal_chat"}) are read; groups, channels, bots and saved messages are skipped.
 *
 * <p>Each message ({@code "type": "message"}; service messages such as calls and pins are skipped) is one
 * {@link Captured} MESSAGE, channel TELEGRAM: OUTBOUND when the owner wrote it ({@code from_id} is
 * {@code "user" + personal_information.user_id}, or, in a one-chat export, is not the chat's own id, which in a
 * personal chat is the other person's user id; else one of {@link Me}'s names), INBOUND otherwise. Its time is
 * {@code date_unixtime} (seconds since the epoch), else {@code date} (the exporting computer's wall clock) read in
 * the given zone. {@code note} is the text, which Telegram writes as a string or as an array of strings and entity
 * objects ({@code {"type": "bold", "text": "…"}}), flattened and cut to the interaction note limit. The party is the
 * chat's name, with the phone number the export's {@code contacts} list gives that name when it has one.
 * {@code sourceId} is {@code <chat id>/<message id>}, stable across exports; {@code conversation} is
 * {@code telegram:<chat id>}. A message without a readable time is an error by its line; the file goes on.
 */
@ApplicationScoped
public class TelegramExport implements CaptureSource {

    public static final String KIND = "telegram";

    /** At most this many contacts are remembered to give parties their phone numbers. */
    static final int MAX_CONTACTS = 100_000;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(64 * 1024 * 1024)
                    .build())
            .build();

    private final ZoneId zone;
    private final Me me;

    /** The capture source (a bean): each call reads with its own context's zone and owner. */
    public TelegramExport() {
        this(ZoneOffset.UTC, null);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean reads(String fileName, String mediaType) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        return name.endsWith(".json")
                || type.contains("json")
                || fileName == null && !type.startsWith("image/") && !type.startsWith("video/");
    }

    @Override
    public void read(InputStream in, String fileName, String mediaType, CaptureContext context, CaptureSink sink)
            throws IOException {
        new TelegramExport(context.zone(), context.me()).read(in, fileName, sink);
    }

    /**
     * @param zone the zone {@code date} is read in when a message has no {@code date_unixtime} (old exports)
     * @param me the owner's identities, used only when the export does not say who the owner is
     */
    public TelegramExport(ZoneId zone, Me me) {
        this.zone = zone;
        this.me = me == null ? Me.NOBODY : me;
    }

    /** What is known while the file streams by. */
    private final class State {
        final String file;
        final CaptureSink sink;
        String ownerId;
        final Map<String, String> phones = new HashMap<>();

        State(String file, CaptureSink sink) {
            this.file = file;
            this.sink = sink;
        }
    }

    /**
     * Reads {@code in} (closed by the caller) and hands each message of each personal chat to {@code sink}.
     * {@code fileName} names the file in errors (may be null). Throws {@link CaptureSource.Unreadable} when it is not JSON,
     * not a Telegram export, or breaks off (a cut upload): what was handed to the sink before stays valid.
     */
    public void read(InputStream in, String fileName, CaptureSink sink) throws IOException {
        State state = new State(fileName == null ? "result.json" : fileName, sink);
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new CaptureSource.Unreadable(
                        "This is not Telegram's result.json: it does not start with a JSON object.");
            }
            boolean seen = root(p, state);
            if (!seen) {
                throw new CaptureSource.Unreadable(
                        "This is not Telegram Desktop's result.json: it has neither chats nor"
                                + " messages. Export with \"Export chat history\" (or \"Export Telegram data\") in JSON format.");
            }
        } catch (JsonProcessingException e) {
            // not JSON, cut off, or a string over the limit: what was handed to the sink before stays valid
            String where = e.getLocation() == null
                    ? ""
                    : " near line " + e.getLocation().getLineNr();
            throw new CaptureSource.Unreadable(
                    "result.json is not valid JSON" + where + " (a cut upload?): " + e.getOriginalMessage());
        }
    }

    /** The top-level object: an account export or a single chat. True when chats or messages were found. */
    private boolean root(JsonParser p, State s) throws IOException {
        Chat single = new Chat();
        boolean found = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "personal_information" -> personalInformation(p, s);
                case "contacts" -> contacts(p, s);
                case "chats", "left_chats" -> {
                    found |= chats(p, s);
                }
                case "name", "type", "id" -> single.field(field, p);
                case "messages" -> {
                    found = true;
                    messages(p, s, single);
                }
                default -> p.skipChildren();
            }
            if (value == null) {
                break;
            }
        }
        return found;
    }

    private void personalInformation(JsonParser p, State s) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if ("user_id".equals(field) && p.currentToken().isScalarValue()) {
                s.ownerId = "user" + p.getText();
            } else {
                p.skipChildren();
            }
        }
    }

    /** {@code contacts.list[]}: name → phone, to give parties their numbers. */
    private void contacts(JsonParser p, State s) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if ("list".equals(field) && p.currentToken() == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    String first = null;
                    String last = null;
                    String phone = null;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        p.nextToken();
                        switch (f) {
                            case "first_name" -> first = p.getValueAsString();
                            case "last_name" -> last = p.getValueAsString();
                            case "phone_number" -> phone = p.getValueAsString();
                            default -> p.skipChildren();
                        }
                    }
                    String name = Texts.clean(((first == null ? "" : first) + " " + (last == null ? "" : last)));
                    if (name != null && Texts.isPhone(phone) && s.phones.size() < MAX_CONTACTS) {
                        s.phones.putIfAbsent(name, Texts.clean(phone));
                    }
                }
            } else {
                p.skipChildren();
            }
        }
    }

    /** {@code chats: {list: [chat, …]}}. */
    private boolean chats(JsonParser p, State s) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return false;
        }
        boolean found = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if ("list".equals(field) && p.currentToken() == JsonToken.START_ARRAY) {
                found = true;
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    chat(p, s);
                }
            } else {
                p.skipChildren();
            }
        }
        return found;
    }

    /** One chat of the list. Telegram writes name, type and id before messages. */
    private void chat(JsonParser p, State s) throws IOException {
        Chat chat = new Chat();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "name", "type", "id" -> chat.field(field, p);
                case "messages" -> messages(p, s, chat);
                default -> p.skipChildren();
            }
        }
    }

    /** A chat's name, type and id, as far as read. */
    private static final class Chat {
        String name;
        String type;
        String id;

        void field(String field, JsonParser p) throws IOException {
            if (!p.currentToken().isScalarValue()) {
                p.skipChildren();
                return;
            }
            switch (field) {
                case "name" -> name = p.getValueAsString();
                case "type" -> type = p.getValueAsString();
                default -> id = p.getText();
            }
        }
    }

    private void messages(JsonParser p, State s, Chat chat) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        if (!"personal_chat".equals(chat.type)) {
            s.sink.skip(s.file, p.currentTokenLocation().getLineNr(), "notAPersonalChat");
            p.skipChildren();
            return;
        }
        String conversation = KIND + ":" + chat.id;
        Party other = party(chat.name, s);
        String otherId = chat.id == null ? null : "user" + chat.id;
        while (p.nextToken() == JsonToken.START_OBJECT) {
            long line = p.currentTokenLocation().getLineNr();
            Message m = message(p);
            s.sink.read();
            if (!"message".equals(m.type)) {
                s.sink.skip(s.file, line, "serviceMessage");
                continue;
            }
            Instant at;
            try {
                at = m.unixtime != null
                        ? Instant.ofEpochSecond(Long.parseLong(m.unixtime.strip()))
                        : m.date != null
                                ? LocalDateTime.parse(m.date).atZone(zone).toInstant()
                                : null;
            } catch (NumberFormatException | DateTimeException e) {
                at = null;
            }
            if (at == null) {
                s.sink.error(s.file, line, null, "message " + m.id + " has no readable date_unixtime or date");
                continue;
            }
            boolean mine = s.ownerId != null
                    ? s.ownerId.equals(m.fromId)
                    : otherId != null && m.fromId != null ? !otherId.equals(m.fromId) : me.isName(m.from);
            Party party = other != null ? other : party(m.from, s);
            if (party == null) {
                s.sink.error(s.file, line, null, "message " + m.id + ": the chat has no name");
                continue;
            }
            s.sink.accept(new Captured(
                    KIND,
                    chat.id + "/" + m.id,
                    conversation,
                    party,
                    InteractionType.MESSAGE,
                    mine ? Direction.OUTBOUND : Direction.INBOUND,
                    Channel.TELEGRAM,
                    at,
                    Texts.note(m.text == null ? null : m.text.toString())));
        }
    }

    private static Party party(String name, State s) {
        String n = Texts.clean(name);
        if (n == null) {
            return null;
        }
        String phone = s.phones.get(n);
        return phone != null ? Party.phone(n, phone) : Party.named(n);
    }

    /** The fields of one message that matter. */
    private static final class Message {
        String id;
        String type;
        String action;
        String date;
        String unixtime;
        String from;
        String fromId;
        StringBuilder text;
    }

    private static Message message(JsonParser p) throws IOException {
        Message m = new Message();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "id" -> m.id = scalar(p);
                case "type" -> m.type = scalar(p);
                case "action" -> m.action = scalar(p);
                case "date" -> m.date = scalar(p);
                case "date_unixtime" -> m.unixtime = scalar(p);
                case "from" -> m.from = scalar(p);
                case "from_id" -> m.fromId = scalar(p);
                case "text" -> {
                    m.text = new StringBuilder();
                    text(p, t, m.text);
                }
                default -> p.skipChildren();
            }
        }
        return m;
    }

    private static String scalar(JsonParser p) throws IOException {
        if (p.currentToken().isScalarValue()) {
            return p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
        }
        p.skipChildren();
        return null;
    }

    /** A message's text: a string, or an array of strings and entity objects with a {@code text}. */
    private static void text(JsonParser p, JsonToken t, StringBuilder out) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            append(out, p.getText());
        } else if (t == JsonToken.START_ARRAY) {
            JsonToken e;
            while ((e = p.nextToken()) != JsonToken.END_ARRAY && e != null) {
                if (e == JsonToken.VALUE_STRING) {
                    append(out, p.getText());
                } else if (e == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        JsonToken v = p.nextToken();
                        if ("text".equals(f) && v == JsonToken.VALUE_STRING) {
                            append(out, p.getText());
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        } else {
            p.skipChildren();
        }
    }

    private static void append(StringBuilder out, String s) {
        if (out.length() <= Texts.NOTE_LIMIT) {
            out.append(s, 0, Math.min(s.length(), Texts.NOTE_LIMIT + 1 - out.length()));
        }
    }
}
