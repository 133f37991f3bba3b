package dev.threshold.capture;

import dev.threshold.importing.ContactKeys;
import dev.threshold.support.ApiTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Capture figures, run by {@code bench/capture.sh} (not part of the test suite): a generated mbox of
 * {@code capture.bench.mb} MB (default 1,024: about 200,000 messages of 5 KB, Takeout-like headers, 30% mailing lists)
 * and a ten-year calendar of 5,000 events (4,800 single ones, 200 weekly series), captured through
 * {@link CaptureService#capture} from a file on disk, as an import job calls it. Prints time, MB/s, interactions/s and
 * the JVM's peak resident set (VmHWM) to target/capture-bench.txt.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "capture.bench", matches = "true")
class CaptureBenchmark extends ApiTest {

    @Inject
    CaptureService capture;

    @Inject
    ContactKeys contacts;

    static final DateTimeFormatter RFC_5322 = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    static final DateTimeFormatter ICS =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    static Path mbox(long megabytes) throws IOException {
        Path file = Files.createTempFile("bench-", ".mbox");
        String body =
                ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore"
                                + " et dolore magna aliqua.\n")
                        .repeat(40);
        long limit = megabytes * 1024 * 1024;
        long written = 0;
        Instant start = Instant.parse("2016-01-01T00:00:00Z");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; written < limit; i++) {
                Instant at = start.plusSeconds(i * 1500L + (i * 7919L) % 1200);
                int person = (i * 31) % 2000;
                boolean list = i % 10 < 3;
                boolean sent = !list && i % 2 == 0;
                StringBuilder m = new StringBuilder(6000);
                m.append("From ").append(1790263245112345678L + i).append("@xxx Tue Mar 12 10:22:31 +0000 2024\n");
                m.append("X-GM-THRID: ").append(1790263245112345678L + i / 3).append('\n');
                m.append("X-Gmail-Labels: ")
                        .append(sent ? "Sent" : "Inbox,Opened")
                        .append('\n');
                m.append("Delivered-To: sam@example.com\n");
                m.append("Received: by 2002:a05:6000:1a8e:b0:33e:1234:5678 with SMTP id f14csp123456wry;\n");
                m.append("        ").append(RFC_5322.format(at)).append('\n');
                m.append("MIME-Version: 1.0\n");
                m.append("Date: ").append(RFC_5322.format(at)).append('\n');
                m.append("Message-ID: <bench-").append(i).append("@mail.example>\n");
                m.append("Subject: =?UTF-8?Q?Caf=C3=A9_number_").append(i).append("?=\n");
                if (list) {
                    m.append(
                            "From: Dev List <dev@lists.example>\nTo: dev@lists.example\nList-Id: <dev.lists.example>\n");
                } else if (sent) {
                    m.append("From: Sam Example <sam@example.com>\nTo: Person ")
                            .append(person)
                            .append(" <p")
                            .append(person)
                            .append("@example.com>\n");
                } else {
                    m.append("From: Person ")
                            .append(person)
                            .append(" <p")
                            .append(person)
                            .append("@example.com>\nTo: Sam Example <sam@example.com>\n");
                }
                m.append("Content-Type: text/plain; charset=\"UTF-8\"\n\n")
                        .append(body)
                        .append('\n');
                w.write(m.toString());
                written += m.length();
            }
        }
        return file;
    }

    static Path calendar() throws IOException {
        Path file = Files.createTempFile("bench-", ".ics");
        Instant start = Instant.parse("2015-12-01T09:00:00Z");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n");
            for (int i = 0; i < 5000; i++) {
                Instant at = start.plusSeconds(i * 63_000L);
                int a = (i * 17) % 1500;
                w.write("BEGIN:VEVENT\r\nDTSTART:" + ICS.format(at) + "\r\nDTEND:" + ICS.format(at.plusSeconds(1800))
                        + "\r\nUID:bench-" + i + "@google.com\r\n");
                if (i % 25 == 0) {
                    w.write("RRULE:FREQ=WEEKLY;COUNT=104\r\n");
                }
                w.write("ORGANIZER;CN=Sam Example:mailto:sam@example.com\r\n");
                w.write("ATTENDEE;PARTSTAT=ACCEPTED;CN=Sam Example:mailto:sam@example.com\r\n");
                w.write("ATTENDEE;PARTSTAT=ACCEPTED;CN=Person " + a + ":mailto:p" + a + "@example.com\r\n");
                w.write("ATTENDEE;PARTSTAT=ACCEPTED;CN=Person " + (a + 1) + ":mailto:p" + (a + 1) + "@example.com\r\n");
                w.write("LOCATION:" + (i % 2 == 0 ? "https://meet.google.com/abc-defg-hij" : "Room 4") + "\r\n");
                w.write("SUMMARY:Meeting " + i + "\r\nEND:VEVENT\r\n");
            }
            w.write("END:VCALENDAR\r\n");
        }
        return file;
    }

    static long peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    @Test
    void figures() throws IOException {
        List<String> out = new ArrayList<>();
        List<ContactKeys.NewContact> people = new ArrayList<>();
        for (int i = 0; i < 1000; i++) { // half of the 2,000 correspondents are contacts
            people.add(new ContactKeys.NewContact("Person " + i, "p" + i + "@example.com", null, null));
        }
        QuarkusTransaction.requiringNew().run(() -> contacts.create(owner, people));
        CaptureOptions options = new CaptureOptions(false, false, List.of("sam@example.com"), 20, 20, null);

        long mb = Long.getLong("capture.bench.mb", 1024);
        long t0 = System.nanoTime();
        Path mbox = mbox(mb);
        double generated = (System.nanoTime() - t0) / 1e9;
        long size = Files.size(mbox);
        t0 = System.nanoTime();
        CaptureReport r;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(mbox), 1 << 16)) {
            r = capture.capture(owner, MailSource.KIND, in, "application/mbox", options);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        out.add(String.format(
                Locale.ROOT,
                "mbox %.0f MB (%d messages, generated in %.1f s): %.1f s, %.1f MB/s, %d interactions created (%.0f/s),"
                        + " %d skipped, %d unmatched listed; peak RSS so far %d MB",
                size / 1048576.0,
                r.items(),
                generated,
                s,
                size / 1048576.0 / s,
                r.interactions().created(),
                r.interactions().created() / s,
                r.interactions().skipped(),
                r.unmatched().size(),
                peakRssMb()));
        t0 = System.nanoTime();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(mbox), 1 << 16)) {
            r = capture.capture(owner, MailSource.KIND, in, "application/mbox", options);
        }
        s = (System.nanoTime() - t0) / 1e9;
        out.add(String.format(
                Locale.ROOT,
                "mbox again (all unchanged: %d): %.1f s, %.1f MB/s",
                r.interactions().unchanged(),
                s,
                size / 1048576.0 / s));
        Files.delete(mbox);

        Path ics = calendar();
        t0 = System.nanoTime();
        try (InputStream in = Files.newInputStream(ics)) {
            r = capture.capture(owner, CalendarSource.KIND, in, "text/calendar", options);
        }
        s = (System.nanoTime() - t0) / 1e9;
        out.add(String.format(
                Locale.ROOT,
                "calendar 10 years, 5,000 events (200 weekly series), %.1f MB: %.1f s, %d interactions created (%.0f/s),"
                        + " %d skipped; peak RSS %d MB",
                Files.size(ics) / 1048576.0,
                s,
                r.interactions().created(),
                r.interactions().created() / s,
                r.interactions().skipped(),
                peakRssMb()));
        Files.delete(ics);
        Files.write(Path.of("target/capture-bench.txt"), out);
        out.forEach(System.out::println);
    }
}
