package dev.threshold.capture.source;

import dev.threshold.capture.CaptureSource;
import dev.threshold.capture.Captured;
import dev.threshold.capture.Me;
import dev.threshold.capture.Party;
import dev.threshold.interaction.Channel;
import dev.threshold.score.math.Direction;
import dev.threshold.score.math.InteractionType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkedInArchiveTest {

    static final String COMPLETE = "linkedin/Complete_LinkedInDataExport_11-30-2026/";
    static final String BASIC = "linkedin/Basic_LinkedInDataExport_11-30-2026/";

    /** The archive as LinkedIn zips it: the files at the root, a few in folders; Profile.csv last on purpose. */
    static byte[] zip(String folder, List<String> names) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String name : names) {
                z.putNextEntry(new ZipEntry(name));
                z.write(Collected.bytes(folder + name));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static final List<String> COMPLETE_FILES = List.of(
            "Connections.csv",
            "messages.csv",
            "Invitations.csv",
            "Endorsement_Received_Info.csv",
            "Endorsement_Given_Info.csv",
            "Recommendations_Received.csv",
            "Recommendations_Given.csv",
            "Positions.csv",
            "Skills.csv",
            "Jobs/Saved Jobs.csv",
            "Articles/Articles/my-first-article.html",
            "Profile.csv");

    record Read(Collected sink, Map<String, String> connections) {}

    static Read read(byte[] zip, Me me) throws IOException {
        Collected c = new Collected();
        Map<String, String> connections = new LinkedHashMap<>();
        new LinkedInArchive(ZoneOffset.UTC, me)
                .read(
                        new ByteArrayInputStream(zip),
                        (name, csv) -> connections.put(name, new String(csv.readAllBytes(), StandardCharsets.UTF_8)),
                        c);
        return new Read(c, connections);
    }

    static List<Captured> of(Collected c, String sourcePrefix) {
        List<Captured> out = new ArrayList<>();
        for (Captured i : c.items) {
            if (i.sourceId().startsWith(sourcePrefix)) {
                out.add(i);
            }
        }
        return out;
    }

    static Party li(String name, String slug) {
        return new Party(name, null, null, "https://www.linkedin.com/in/" + slug);
    }

    @Test
    void theCompleteArchive() throws Exception {
        Read r = read(zip(COMPLETE, COMPLETE_FILES), Me.NOBODY);
        Collected c = r.sink();
        String connections = r.connections().get("Connections.csv");
        assertTrue(connections.startsWith("\uFEFFNotes:"), "Connections.csv is handed over as it is");
        assertEquals(
                List.of(
                        "Positions.csv",
                        "Skills.csv",
                        "Jobs/Saved Jobs.csv",
                        "Articles/Articles/my-first-article.html"),
                c.ignored);

        List<Captured> invitations = of(c, "invitation/");
        assertEquals(2, invitations.size());
        assertEquals(
                new Captured(
                        "linkedin",
                        invitations.get(0).sourceId(),
                        "linkedin:invitation",
                        li("Omar Example", "omar-example"),
                        InteractionType.MESSAGE,
                        Direction.INBOUND,
                        Channel.LINKEDIN,
                        Instant.parse("2022-02-07T10:15:00Z"),
                        "Hi Sam, we met at the meetup, let's connect."),
                invitations.get(0));
        assertEquals(Direction.OUTBOUND, invitations.get(1).direction());
        assertEquals(li("Priya Example", "priya-example"), invitations.get(1).party());
        assertEquals(Instant.parse("2023-12-01T21:00:00Z"), invitations.get(1).at());
        assertTrue(c.skipped.contains(new Collected.Problem("Invitations.csv", 3, "invitationWithoutMessage")));

        List<Captured> received = of(c, "endorsement-received/");
        assertEquals(2, received.size());
        assertEquals(li("Jane Doe", "Jane-Doe-Example"), received.get(0).party(), "a URL without scheme, as written");
        assertEquals(InteractionType.FAVOR, received.get(0).type());
        assertEquals(Direction.INBOUND, received.get(0).direction());
        assertEquals(Instant.parse("2021-03-15T14:02:11Z"), received.get(0).at());
        assertEquals("Endorsement: Negotiation", received.get(0).note());
        assertEquals("René Martin", received.get(1).party().name(), "Ã© repaired to é");
        assertTrue(
                c.skipped.contains(new Collected.Problem("Endorsement_Received_Info.csv", 4, "rejectedEndorsement")));
        assertTrue(c.errors.stream().anyMatch(e -> e.file().equals("Endorsement_Received_Info.csv") && e.line() == 5));

        List<Captured> given = of(c, "endorsement-given/");
        assertEquals(1, given.size());
        assertEquals(Direction.OUTBOUND, given.get(0).direction());
        assertEquals(li("Jane Doe", "jane-doe-example"), given.get(0).party());

        List<Captured> recommendations = of(c, "recommendation-");
        assertEquals(1, recommendations.size(), "Recommendations_Given.csv is empty");
        Captured rec = recommendations.get(0);
        assertEquals(Party.named("Jane Doe"), rec.party());
        assertEquals(InteractionType.FAVOR, rec.type());
        assertEquals(Direction.INBOUND, rec.direction());
        assertEquals(Instant.parse("2021-03-15T14:02:00Z"), rec.at());
        assertTrue(rec.note().startsWith("Recommendation: Sam is the colleague everyone wants.\r\nHe ships"));

        List<Captured> messages = of(c, "message/");
        assertEquals(
                List.of(
                        Direction.INBOUND,
                        Direction.OUTBOUND,
                        Direction.OUTBOUND,
                        Direction.OUTBOUND,
                        Direction.INBOUND),
                messages.stream().map(Captured::direction).toList(),
                "Profile.csv, last in the zip, names the owner");
        assertEquals(li("Jane Doe", "jane-doe-example"), messages.get(0).party());
        assertEquals("Intro", messages.get(0).note());
        assertEquals(null, messages.get(1).note(), "the content is never the note");
        assertEquals("linkedin:2-YWJjZGVmMTIzNDU2Nzg5MA==", messages.get(0).conversation());
        assertEquals(
                List.of(li("Jane Doe", "jane-doe-example"), li("René Martin", "rene-martin-example")),
                List.of(messages.get(2).party(), messages.get(3).party()),
                "a group message goes to each recipient");
        assertEquals(li("René Martin", "rene-martin-example"), messages.get(4).party());
        assertEquals(Instant.parse("2024-04-01T08:05:00Z"), messages.get(4).at());
        assertTrue(c.skipped.contains(new Collected.Problem("messages.csv", 7, "draft")));
        assertTrue(
                c.errors.stream().anyMatch(e -> e.file().equals("messages.csv") && e.line() == 8), c.errors.toString());
        assertEquals(2, c.errors.size(), c.errors.toString());
        assertEquals(
                c.items.size(),
                c.items.stream().map(Captured::sourceId).distinct().count());
    }

    @Test
    void theSameArchiveTwiceGivesTheSameIds() throws Exception {
        byte[] zip = zip(COMPLETE, COMPLETE_FILES);
        assertEquals(
                read(zip, Me.NOBODY).sink().items.stream()
                        .map(Captured::sourceId)
                        .toList(),
                read(zip, Me.NOBODY).sink().items.stream()
                        .map(Captured::sourceId)
                        .toList());
    }

    @Test
    void theBasicArchiveWithAnOldMessagesFileFindsTheOwnerByFrequency() throws Exception {
        Read r = read(
                zip(BASIC, List.of("Connections.csv", "messages.csv", "Invitations.csv", "Registration.csv")),
                Me.NOBODY);
        Collected c = r.sink();
        assertEquals(List.of("Registration.csv"), c.ignored);
        assertEquals(1, r.connections().size());
        assertEquals(
                List.of(Direction.INBOUND, Direction.OUTBOUND, Direction.INBOUND),
                c.items.stream().map(Captured::direction).toList());
        assertEquals(Party.named("Omar Example"), c.items.get(2).party());
        assertEquals(List.of(), c.errors);
    }

    @Test
    void meFromTheProfileWinsOverFrequency() throws Exception {
        Read r = read(zip(BASIC, List.of("messages.csv")), Me.NOBODY.with("Jane Doe"));
        assertEquals(
                List.of(Direction.OUTBOUND, Direction.INBOUND),
                r.sink().items.stream().map(Captured::direction).toList());
        assertEquals(1, r.sink().errors.size(), "Jane is in neither side of Omar's message to Sam");
    }

    @Test
    void aPassWithoutConnectionsSkipsThem() throws Exception {
        Collected c = new Collected();
        new LinkedInArchive(ZoneOffset.UTC, Me.NOBODY)
                .read(new ByteArrayInputStream(zip(COMPLETE, COMPLETE_FILES)), null, c);
        assertEquals(4, c.ignored.size());
        assertEquals(11, c.items.size());
    }

    @Test
    void notAZipOrNotLinkedInIsUnreadable() throws Exception {
        assertThrows(
                CaptureSource.Unreadable.class,
                () -> read("First Name,Last Name\n".getBytes(StandardCharsets.UTF_8), Me.NOBODY));
        assertThrows(CaptureSource.Unreadable.class, () -> read(zip(COMPLETE, List.of("Skills.csv")), Me.NOBODY));
    }

    @Test
    void aBrokenCsvEndsThatFileNotTheArchive() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("Invitations.csv"));
            z.write(("From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
                            + "A B,Sam Owner,\"2/7/22, 10:15 AM\",\"never closed,INCOMING,,\n")
                    .getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("Endorsement_Given_Info.csv"));
            z.write(Collected.bytes(COMPLETE + "Endorsement_Given_Info.csv"));
        }
        Read r = read(out.toByteArray(), Me.NOBODY);
        assertEquals(1, r.sink().errors.size());
        assertEquals("Invitations.csv", r.sink().errors.get(0).file());
        assertEquals(2, r.sink().errors.get(0).line());
        assertEquals(1, r.sink().items.size());
    }

    @Test
    void mojibakeIsRepairedAndCorrectTextLeftAlone() {
        assertEquals("René", Texts.repairMojibake("RenÃ©"));
        assertEquals("Zoë’s café – “ok”", Texts.repairMojibake("ZoÃ«â€™s cafÃ© â€“ â€œokâ€\u009d"));
        assertEquals("René", Texts.repairMojibake("René"));
        assertEquals("Ãx", Texts.repairMojibake("Ãx"));
        assertEquals("日本", Texts.repairMojibake("æ—¥æœ¬"));
    }

    @Test
    void linkedInDates() {
        assertEquals(
                Instant.parse("2024-03-15T10:22:31Z"), LinkedInDates.parse("2024-03-15 10:22:31 UTC", ZoneOffset.UTC));
        assertEquals(
                Instant.parse("2021-03-15T14:02:11Z"), LinkedInDates.parse("2021/03/15 14:02:11 UTC", ZoneOffset.UTC));
        assertEquals(Instant.parse("2022-02-07T22:15:00Z"), LinkedInDates.parse("2/7/22, 10:15 PM", ZoneOffset.UTC));
        assertEquals(Instant.parse("2022-02-07T10:15:00Z"), LinkedInDates.parse("2/7/2022 10:15 am", ZoneOffset.UTC));
        assertEquals(Instant.parse("2024-03-15T00:00:00Z"), LinkedInDates.parse("15 Mar 2024", ZoneOffset.UTC));
        assertEquals(Instant.parse("2022-02-07T00:00:00Z"), LinkedInDates.parse("2/7/22", ZoneOffset.UTC));
        assertEquals(
                Instant.parse("2024-03-15T09:22:31Z"),
                LinkedInDates.parse("2024-03-15T10:22:31+01:00", ZoneOffset.UTC));
        assertEquals(null, LinkedInDates.parse("last Tuesday", ZoneOffset.UTC));
        assertEquals(null, LinkedInDates.parse(" UTC", ZoneOffset.UTC));
    }
}
