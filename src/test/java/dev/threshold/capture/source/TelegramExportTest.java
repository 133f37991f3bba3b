package dev.threshold.capture.source;

import dev.threshold.capture.CaptureSink;
import dev.threshold.capture.CaptureSource;
import dev.threshold.capture.Captured;
import dev.threshold.capture.Me;
import dev.threshold.capture.Party;
import dev.threshold.interaction.Channel;
import dev.threshold.score.math.Direction;
import dev.threshold.score.math.InteractionType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelegramExportTest {

    static Collected read(String path, ZoneId zone, Me me) throws Exception {
        Collected c = new Collected();
        try (InputStream in = Collected.resource("telegram/" + path).open()) {
            new TelegramExport(zone, me).read(in, path, c);
        }
        return c;
    }

    static Collected read(String json) throws Exception {
        Collected c = new Collected();
        new TelegramExport(ZoneOffset.UTC, Me.NOBODY)
                .read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), null, c);
        return c;
    }

    static long lineOf(String path, String needle) {
        List<String> lines =
                Arrays.asList(new String(Collected.bytes("telegram/" + path), StandardCharsets.UTF_8).split("\n"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle);
    }

    @Test
    void aWholeAccountExportGivesThePersonalChatsMessages() throws Exception {
        Collected c = read("result.json", ZoneId.of("Europe/Berlin"), Me.NOBODY);
        assertEquals(5, c.items.size());
        Party jane = Party.phone("Jane Doe", "+44 7700 900123");
        Captured first = c.items.get(0);
        assertEquals(
                new Captured(
                        "telegram",
                        "2000002/101",
                        "telegram:2000002",
                        jane,
                        InteractionType.MESSAGE,
                        Direction.INBOUND,
                        Channel.TELEGRAM,
                        Instant.ofEpochSecond(1704067140),
                        "Happy new year! 🎉"),
                first);
        Captured reply = c.items.get(1);
        assertEquals(Direction.OUTBOUND, reply.direction(), "from_id is personal_information.user_id");
        assertEquals(jane, reply.party());
        assertEquals("Same to you, see https://example.org/plan and bring snacksJane", reply.note());
        Captured photo = c.items.get(2);
        assertEquals("2000002/104", photo.sourceId());
        assertEquals(null, photo.note(), "a photo without a caption has no note");
        Captured old = c.items.get(3);
        assertEquals(Instant.parse("2024-01-02T08:30:00Z"), old.at(), "date is the wall clock, read in the zone");
        assertEquals(Direction.OUTBOUND, old.direction());
        Captured forwarded = c.items.get(4);
        assertEquals(Direction.INBOUND, forwarded.direction());
        assertEquals(jane, forwarded.party());
        assertEquals(1, c.errors.size());
        assertEquals(lineOf("result.json", "\"id\": 106,") - 1, c.errors.get(0).line());
        assertEquals("result.json", c.errors.get(0).file());
        assertEquals(
                List.of(
                        lineOf("result.json", "\"type\": \"saved_messages\"") + 2,
                        lineOf("result.json", "\"type\": \"private_group\"") + 2,
                        lineOf("result.json", "\"type\": \"public_channel\"") + 2),
                c.skipped.stream()
                        .filter(s -> s.message().equals("notAPersonalChat"))
                        .map(s -> s.line())
                        .toList(),
                "saved messages, the group and the channel are skipped at their messages (two lines below the type)");
        assertEquals(
                1,
                c.skipped.stream()
                        .filter(s -> s.message().equals("serviceMessage"))
                        .count(),
                "the phone call");
    }

    @Test
    void aOneChatExportTellsTheOwnerByTheChatsId() throws Exception {
        Collected c = read("single-chat-result.json", ZoneOffset.UTC, Me.NOBODY);
        assertEquals(
                List.of(Direction.INBOUND, Direction.OUTBOUND),
                c.items.stream().map(Captured::direction).toList());
        assertEquals(Party.named("Jane Doe"), c.items.get(1).party());
        assertEquals("Lunch?", c.items.get(0).note());
        assertEquals("telegram:2000002", c.items.get(0).conversation());
    }

    @Test
    void withoutIdsTheOwnerIsTheOneNamedLikeMe() throws Exception {
        String json = "{\"name\": \"Jane\", \"type\": \"personal_chat\", \"messages\": ["
                + "{\"id\": 1, \"type\": \"message\", \"date_unixtime\": \"10\", \"from\": \"Sam Owner\", \"text\": \"a\"},"
                + "{\"id\": 2, \"type\": \"message\", \"date_unixtime\": \"20\", \"from\": \"Jane\", \"text\": \"b\"}]}";
        Collected c = new Collected();
        new TelegramExport(ZoneOffset.UTC, Me.NOBODY.with("sam owner"))
                .read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), null, c);
        assertEquals(
                List.of(Direction.OUTBOUND, Direction.INBOUND),
                c.items.stream().map(Captured::direction).toList());
    }

    @Test
    void aLongTextIsCutToTheNoteLimit() throws Exception {
        String big = "y".repeat(100_000);
        Collected c = read("{\"name\": \"Jane\", \"type\": \"personal_chat\", \"id\": 2, \"messages\": ["
                + "{\"id\": 1, \"type\": \"message\", \"date_unixtime\": \"10\", \"from_id\": \"user2\", \"text\": [\""
                + big + "\", {\"type\": \"bold\", \"text\": \"z\"}]}]}");
        assertEquals(Texts.NOTE_LIMIT, c.items.get(0).note().length());
    }

    @Test
    void notJsonNotTelegramOrCutOffIsUnreadable() {
        assertThrows(CaptureSource.Unreadable.class, () -> read("[1, 2]"));
        assertThrows(CaptureSource.Unreadable.class, () -> read("{\"hello\": \"world\"}"));
        assertThrows(CaptureSource.Unreadable.class, () -> read("not json"));
        String cut = new String(Collected.bytes("telegram/result.json"), StandardCharsets.UTF_8);
        CaptureSource.Unreadable e =
                assertThrows(CaptureSource.Unreadable.class, () -> read(cut.substring(0, cut.indexOf("\"id\": 104"))));
        assertTrue(e.getMessage().contains("line"), e.getMessage());
    }

    @Test
    void streamsAFileMuchLargerThanWhatItKeeps() throws Exception {
        // 200,000 messages (~25 MB) from a generator stream: nothing but the current message is held
        String head = "{\"name\": \"Jane\", \"type\": \"personal_chat\", \"id\": 2, \"messages\": [";
        String one = "{\"id\": %d, \"type\": \"message\", \"date_unixtime\": \"%d\", \"from_id\": \"user%d\","
                + " \"text\": [\"hello \", {\"type\": \"bold\", \"text\": \"there\"}]}";
        int n = 200_000;
        InputStream body = new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)),
                new InputStream() {
                    int i;
                    byte[] cur = new byte[0];
                    int pos;

                    @Override
                    public int read() {
                        if (pos == cur.length) {
                            if (i == n) {
                                return -1;
                            }
                            cur = ((i == 0 ? "" : ",") + one.formatted(i, 1_700_000_000 + i, i % 2 == 0 ? 2 : 1))
                                    .getBytes(StandardCharsets.UTF_8);
                            pos = 0;
                            i++;
                        }
                        return cur[pos++];
                    }
                },
                new ByteArrayInputStream("]}".getBytes(StandardCharsets.UTF_8)))));
        long[] counts = new long[2];
        new TelegramExport(ZoneOffset.UTC, Me.NOBODY).read(body, null, new CaptureSink() {
            @Override
            public void read() {}

            @Override
            public void accept(Captured item) {
                counts[item.direction() == Direction.OUTBOUND ? 1 : 0]++;
            }

            @Override
            public void skip(String reason) {
                throw new AssertionError(reason);
            }

            @Override
            public void error(long line, String item, String message) {
                throw new AssertionError(message);
            }

            @Override
            public void warning(long line, String item, String message) {}
        });
        assertEquals(n / 2, counts[0]);
        assertEquals(n / 2, counts[1]);
    }
}
