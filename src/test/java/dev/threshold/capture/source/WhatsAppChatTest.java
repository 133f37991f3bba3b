package dev.threshold.capture.source;

import dev.threshold.capture.CaptureSource;
import dev.threshold.capture.Captured;
import dev.threshold.capture.Me;
import dev.threshold.capture.Party;
import dev.threshold.interaction.Channel;
import dev.threshold.score.math.Direction;
import dev.threshold.score.math.InteractionType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WhatsAppChatTest {

    static final Me SAM = Me.of(List.of("Sam Owner", "+44 7700 900999"));

    static Collected read(String path, ZoneId zone, Me me) throws Exception {
        Collected c = new Collected();
        new WhatsAppChat(zone, me).read(Collected.resource("whatsapp/" + path), path, c);
        return c;
    }

    static Collected readText(String text, Me me) throws Exception {
        Collected c = new Collected();
        new WhatsAppChat(ZoneOffset.UTC, me).read(Collected.text(text), null, c);
        return c;
    }

    static Instant utc(int y, int mo, int d, int h, int mi, int s) {
        return LocalDateTime.of(y, mo, d, h, mi, s).toInstant(ZoneOffset.UTC);
    }

    @Test
    void androidUsOneToOneWithNarrowSpacesMultiLineMediaAndSystemLines() throws Exception {
        Collected c = read("WhatsApp Chat with Jane Doe.txt", ZoneOffset.UTC, SAM);
        assertEquals(List.of(), c.errors);
        assertEquals(5, c.items.size());
        Captured first = c.items.get(0);
        assertEquals("whatsapp", first.sourceKind());
        assertEquals(Party.named("Jane Doe"), first.party());
        assertEquals(InteractionType.MESSAGE, first.type());
        assertEquals(Direction.INBOUND, first.direction());
        assertEquals(Channel.WHATSAPP, first.channel());
        assertEquals(utc(2023, 12, 31, 23, 59, 0), first.at());
        assertEquals("Happy new year in advance!", first.note());
        assertEquals("whatsapp:Jane Doe", first.conversation());
        Captured thanks = c.items.get(1);
        assertEquals(Direction.OUTBOUND, thanks.direction());
        assertEquals(Party.named("Jane Doe"), thanks.party(), "the owner's message is to the other participant");
        assertEquals(utc(2024, 1, 1, 0, 0, 0), thanks.at(), "12:00 AM is midnight");
        assertEquals("<Media omitted>", c.items.get(2).note());
        assertEquals(
                "Let's catch up next week.\nCoffee on Tuesday?\n\nOr Wednesday: 10:00 works - or later",
                c.items.get(3).note());
        assertEquals(utc(2024, 1, 2, 9, 15, 0), c.items.get(4).at(), "1/2/24 is January 2nd in a month-first file");
        assertEquals(
                List.of(1L, 10L),
                c.skipped.stream().map(Collected.Problem::line).toList());
        assertEquals(
                c.items.size(),
                new HashSet<>(c.items.stream().map(Captured::sourceId).toList()).size());
    }

    @Test
    void theOwnerIsTheOtherOneWhenTheFileNamesTheChat() throws Exception {
        Collected c = read("WhatsApp Chat with Jane Doe.txt", ZoneOffset.UTC, Me.NOBODY);
        assertEquals(
                List.of(
                        Direction.INBOUND,
                        Direction.OUTBOUND,
                        Direction.OUTBOUND,
                        Direction.INBOUND,
                        Direction.INBOUND),
                c.items.subList(0, 5).stream().map(Captured::direction).toList());
    }

    @Test
    void iosGroupZipWithBracketsMarksPhonesAttachmentsAndIgnoredMedia() throws Exception {
        Collected c = read("WhatsApp Chat - Book Club.zip", ZoneOffset.UTC, Me.NOBODY.with("Sam Owner"));
        assertEquals(List.of(), c.errors);
        assertEquals(List.of("00000004-PHOTO-2024-01-01-09-03-00.jpg"), c.ignored);
        assertEquals(3, c.skipped.size(), "the encryption notice and two group events");
        // Ann, Sam → Ann and the phone, the phone, Ann (attachment), Sam → both, Ann (image omitted), Ann
        assertEquals(9, c.items.size());
        Captured morning = c.items.get(0);
        assertEquals(Party.named("Ann Example"), morning.party());
        assertEquals(utc(2024, 1, 1, 9, 0, 1), morning.at());
        assertEquals("whatsapp:Book Club", morning.conversation());
        List<Captured> hi = c.items.subList(1, 3);
        assertEquals(
                List.of(Direction.OUTBOUND, Direction.OUTBOUND),
                hi.stream().map(Captured::direction).toList());
        assertEquals(
                List.of(Party.named("Ann Example"), Party.phone(null, "+44 7700 900123")),
                hi.stream().map(Captured::party).toList(),
                "the owner's message in a group goes to each participant who wrote");
        assertEquals(
                java.util.Arrays.asList(null, null),
                hi.stream().map(Captured::sourceId).toList(),
                "remembered by the lines of theirs it is exchanged with, not once per participant");
        assertEquals(Party.phone(null, "+44 7700 900123"), c.items.get(3).party());
        assertEquals(
                "<attached: 00000004-PHOTO-2024-01-01-09-03-00.jpg>",
                c.items.get(4).note());
        assertEquals("Two lines\nsecond line", c.items.get(5).note());
        assertEquals("image omitted", c.items.get(7).note());
        assertEquals(utc(2024, 1, 13, 18, 30, 0), c.items.get(8).at());
    }

    @Test
    void theSameChatAsTextOrZipGivesTheSameIds() throws Exception {
        Collected zip = read("WhatsApp Chat - Book Club.zip", ZoneOffset.UTC, SAM);
        Collected txt = read("ios-book-club-chat.txt", ZoneOffset.UTC, SAM);
        assertEquals(
                zip.items.stream().map(Captured::sourceId).toList(),
                txt.items.stream().map(Captured::sourceId).toList(),
                "iOS names the chat in its system lines, so the file's name does not matter");
    }

    @Test
    void wallClockTimesAreReadInTheGivenZone() throws Exception {
        Collected c = read("android-de.txt", ZoneId.of("Europe/Berlin"), SAM);
        assertEquals(Instant.parse("2023-12-31T22:59:00Z"), c.items.get(0).at());
        assertEquals(Direction.OUTBOUND, c.items.get(1).direction());
        assertEquals(Party.named("Jana Beispiel"), c.items.get(1).party());
        assertEquals("<Medien ausgeschlossen>", c.items.get(2).note());
    }

    @Test
    void dotsAndADayAbove12MeanDayFirst() throws Exception {
        Collected c = read("android-de.txt", ZoneOffset.UTC, SAM);
        assertEquals(utc(2024, 1, 1, 0, 1, 0), c.items.get(1).at());
    }

    @Test
    void withNoDayAbove12TheOrderUnderWhichDatesRunForwardWins() throws Exception {
        Collected c = read("ambiguous-month-first.txt", ZoneOffset.UTC, SAM);
        assertEquals(
                List.of(utc(2024, 1, 2, 9, 0, 0), utc(2024, 1, 3, 9, 0, 0), utc(2024, 2, 1, 9, 0, 0)),
                c.items.stream().map(Captured::at).toList());
    }

    @Test
    void whenNothingDecidesFourDigitYearsReadDayFirst() throws Exception {
        Collected c = readText("01/02/2024, 09:00 - Jane Doe: hi\n01/02/2024, 09:01 - Sam Owner: hey\n", SAM);
        assertEquals(utc(2024, 2, 1, 9, 0, 0), c.items.get(0).at());
        Collected us = readText("01/02/24, 09:00 - Jane Doe: hi\n", SAM);
        assertEquals(utc(2024, 1, 2, 9, 0, 0), us.items.get(0).at());
    }

    @Test
    void spanishAmPmWithDotsAndSpaces() throws Exception {
        Collected c = read("android-es-ampm.txt", ZoneOffset.UTC, SAM);
        assertEquals(
                List.of(utc(2024, 1, 2, 21, 5, 0), utc(2024, 1, 2, 21, 6, 0), utc(2024, 1, 3, 0, 10, 0)),
                c.items.stream().map(Captured::at).toList());
    }

    @Test
    void iosUsTwelveHoursSecondsOrNotYearFirstAndABadTimeReportedByLine() throws Exception {
        Collected c = read("ios-us.txt", ZoneOffset.UTC, SAM);
        assertEquals(
                List.of(utc(2024, 1, 2, 21, 5, 3), utc(2024, 1, 2, 21, 6, 0), utc(2024, 1, 3, 21, 7, 0)),
                c.items.stream().map(Captured::at).toList());
        assertEquals(1, c.errors.size());
        assertEquals(4, c.errors.get(0).line());
        assertEquals("ios-us.txt", c.errors.get(0).file());
    }

    @Test
    void theOwnerByPhone() throws Exception {
        Me byPhone = Me.of(List.of("07700 900999"));
        Collected c = readText("1/2/24, 9:00 - +44 7700 900999: hi\n1/2/24, 9:01 - Jane Doe: hey\n", byPhone);
        assertEquals(
                List.of(Direction.OUTBOUND, Direction.INBOUND),
                c.items.stream().map(Captured::direction).toList());
        assertEquals(Party.named("Jane Doe"), c.items.get(0).party());
    }

    @Test
    void whenOnlyTheOtherSideWroteEverythingIsInbound() throws Exception {
        Collected c = readText("1/2/24, 9:00 - Jane Doe: hi\n1/2/24, 9:01 - Jane Doe: anyone?\n", SAM);
        assertEquals(
                List.of(Direction.INBOUND, Direction.INBOUND),
                c.items.stream().map(Captured::direction).toList());
    }

    @Test
    void whenNothingTellsWhoTheOwnerIsTheImportAsksForMe() {
        CaptureSource.Unreadable e = assertThrows(
                CaptureSource.Unreadable.class,
                () -> readText("1/2/24, 9:00 - Ann: hi\n1/2/24, 9:01 - Bob: hey\n", Me.NOBODY));
        assertEquals("me", e.field());
        assertTrue(e.getMessage().contains("Ann, Bob"), e.getMessage());
    }

    @Test
    void notAChatIsUnreadable() {
        CaptureSource.Unreadable e =
                assertThrows(CaptureSource.Unreadable.class, () -> readText("hello\nworld\n", SAM));
        assertNull(e.field());
        assertThrows(CaptureSource.Unreadable.class, () -> readText("", SAM));
    }

    @Test
    void identicalMessagesInTheSameMinuteGetTheirOwnIdsAndReimportGivesTheSameOnes() throws Exception {
        String chat = "1/2/24, 9:00 - Jane Doe: ok\n1/2/24, 9:00 - Jane Doe: ok\n1/2/24, 9:01 - Sam Owner: ok\n";
        Collected a = readText(chat, SAM);
        Collected b = readText("1/1/24, 8:00 - Jane Doe: earlier history\n" + chat, SAM);
        List<String> ids = a.items.stream().map(Captured::sourceId).toList();
        assertEquals(3, new HashSet<>(ids).size());
        assertEquals(
                ids, b.items.subList(1, 4).stream().map(Captured::sourceId).toList(), "ids do not depend on lines");
    }

    @Test
    void aVeryLongMessageIsCutToTheNoteLimit() throws Exception {
        String longText = "x".repeat(200_000);
        Collected c = readText("1/2/24, 9:00 - Jane Doe: " + longText + "\nmore\n", SAM);
        assertEquals(Texts.NOTE_LIMIT, c.items.get(0).note().length());
    }

    @Test
    void headerLayouts() {
        assertEquals(
                12, WhatsAppChat.header("12/31/23, 11:59\u202fPM - Jane: hi").a());
        assertEquals(
                'p', WhatsAppChat.header("[12/31/23, 11:59:59 PM] Jane: hi").meridiem());
        assertEquals(0, WhatsAppChat.header("31.12.23, 23:59 - Jane: hi").meridiem());
        assertEquals(
                "Jane: hi",
                WhatsAppChat.header("\u200e[2023/12/31 23:59:59] Jane: hi").rest());
        assertEquals(
                "Jane: hi", WhatsAppChat.header("31-12-2023 23.59 - Jane: hi").rest());
        assertNull(WhatsAppChat.header("Just text - with a dash"));
        assertNull(WhatsAppChat.header("12/31/23 - Jane: no time"));
        assertEquals("Jane Doe", WhatsAppChat.chatNameOf("WhatsApp Chat with Jane Doe.txt"));
        assertEquals("Book Club", WhatsAppChat.chatNameOf("WhatsApp Chat - Book Club.zip"));
        assertNull(WhatsAppChat.chatNameOf("_chat.txt"));
    }

    /**
     * In a group, the owner's message goes to the participants who wrote less than 30 minutes before or after it, not
     * to everyone who ever wrote: a community group of hundreds would otherwise multiply each of the owner's lines.
     */
    @Test
    void inAGroupTheOwnersMessageGoesToWhoWroteNearIt() throws Exception {
        StringBuilder chat = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            chat.append("1/1/24, 08:00 - Member ").append(i).append(": joined the talk\n");
        }
        chat.append("1/2/24, 09:00 - Ann: anyone for lunch?\n")
                .append("1/2/24, 09:10 - Sam Owner: me\n")
                .append("1/2/24, 09:39 - Bob: me too\n")
                .append("1/2/24, 09:41 - Cy: too late?\n")
                .append("1/2/24, 10:30 - Sam Owner: next week then\n");
        Collected c = readText(chat.toString(), SAM);
        List<Captured> outbound = c.items.stream()
                .filter(i -> i.direction() == Direction.OUTBOUND)
                .toList();
        assertEquals(
                List.of("Ann", "Bob"),
                outbound.stream().map(i -> i.party().name()).toList(),
                "09:10 goes to Ann (10 min before) and Bob (29 min after), not Cy (31 min after) nor the 200 members;"
                        + " 10:30 is near nobody");
        assertEquals(utc(2024, 1, 2, 9, 10, 0), outbound.get(1).at(), "at the owner's message, not the reply");
        assertEquals("me", outbound.get(1).note());
        assertEquals(205, c.items.size(), "200 members, Ann, Bob and Cy, and the owner's one message twice");
    }
}
