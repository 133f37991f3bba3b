package dev.threshold.capture.source;

import dev.threshold.capture.CaptureSink;
import dev.threshold.capture.Captured;
import dev.threshold.capture.Me;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parser-only throughput of the chat sources (bench/capture.sh, not part of {@code ./mvnw verify}): generates a
 * 200 MB WhatsApp chat and a 500 MB Telegram {@code result.json} under target/bench (made-up people and text),
 * reads each with its source into a counting sink, and writes time, MB/s and the JVM's peak RSS (VmHWM) to
 * target/chats-bench.txt. The end-to-end figure (matching, grouping, recording) waits for the capture pipeline.
 */
@EnabledIfSystemProperty(named = "capture.bench", matches = "true")
class CaptureSourceBenchmark {

    static final long WHATSAPP_BYTES = Long.getLong("capture.bench.whatsapp", 200L * 1024 * 1024);
    static final long TELEGRAM_BYTES = Long.getLong("capture.bench.telegram", 500L * 1024 * 1024);
    static final List<String> PEOPLE = List.of(
            "Sam Owner",
            "Jane Doe",
            "Ann Example",
            "+44 7700 900123",
            "Omar Example",
            "René Martin",
            "Priya Example",
            "Li Wei",
            "Zoë Example",
            "Bob Example");

    static final class Counting implements CaptureSink {
        long items;
        long errors;

        @Override
        public void read() {}

        @Override
        public void accept(Captured item) {
            items++;
        }

        @Override
        public void skip(String reason) {}

        @Override
        public void error(long line, String item, String message) {
            errors++;
        }

        @Override
        public void warning(long line, String item, String message) {}
    }

    @Test
    void chatSources() throws Exception {
        Path dir = Path.of("target/bench");
        Files.createDirectories(dir);
        Path chat = dir.resolve("WhatsApp Chat with Book Club.txt");
        Path json = dir.resolve("result.json");
        if (!Files.exists(chat) || Files.size(chat) < WHATSAPP_BYTES) {
            whatsApp(chat, WHATSAPP_BYTES);
        }
        if (!Files.exists(json) || Files.size(json) < TELEGRAM_BYTES) {
            telegram(json, TELEGRAM_BYTES);
        }
        StringBuilder report = new StringBuilder();
        Me me = Me.of(List.of("Sam Owner"));

        Counting wa = new Counting();
        long t0 = System.nanoTime();
        new WhatsAppChat(ZoneId.of("Europe/London"), me).read(() -> Files.newInputStream(chat), chat.toString(), wa);
        double waSeconds = (System.nanoTime() - t0) / 1e9;
        report.append(line("WhatsApp _chat.txt (read twice)", Files.size(chat), waSeconds, wa));

        Counting tg = new Counting();
        t0 = System.nanoTime();
        try (InputStream in = Files.newInputStream(json)) {
            new TelegramExport(ZoneId.of("UTC"), me).read(in, "result.json", tg);
        }
        double tgSeconds = (System.nanoTime() - t0) / 1e9;
        report.append(line("Telegram result.json", Files.size(json), tgSeconds, tg));
        report.append(String.format(
                Locale.ROOT,
                "peak RSS of the whole test JVM (VmHWM, generation included): %d MB; max heap %d MB%n",
                peakRssKb() / 1024,
                Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        Files.writeString(Path.of("target/chats-bench.txt"), report.toString());
        System.out.print(report);
        assertTrue(wa.items > 0 && tg.items > 0);
    }

    static String line(String what, long bytes, double seconds, Counting c) {
        double mb = bytes / (1024.0 * 1024.0);
        return String.format(
                Locale.ROOT,
                "%-32s %8.1f MB %8.1f s %8.1f MB/s %,12d items %,d errors%n",
                what,
                mb,
                seconds,
                mb / seconds,
                c.items,
                c.errors);
    }

    static long peakRssKb() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("VmHWM:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** A group chat in Android's en_US layout: 12-hour times with U+202F, some multi-line messages, media, system lines. */
    static void whatsApp(Path file, long bytes) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20)) {
            LocalDateTime t = LocalDateTime.of(2019, 1, 1, 8, 0);
            long written = 0;
            long i = 0;
            while (written < bytes) {
                t = t.plusSeconds(37 + i % 300);
                int h = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
                String header = String.format(
                        Locale.ROOT,
                        "%d/%d/%02d, %d:%02d\u202f%s - ",
                        t.getMonthValue(),
                        t.getDayOfMonth(),
                        t.getYear() % 100,
                        h,
                        t.getMinute(),
                        t.getHour() < 12 ? "AM" : "PM");
                String body;
                if (i % 500 == 0) {
                    body = PEOPLE.get(2) + " added " + PEOPLE.get((int) (i / 500 % PEOPLE.size()));
                } else if (i % 17 == 0) {
                    body = PEOPLE.get((int) (i % PEOPLE.size())) + ": <Media omitted>";
                } else if (i % 11 == 0) {
                    body = PEOPLE.get((int) (i % PEOPLE.size())) + ": Message " + i
                            + " goes on\nover a second line\nand a third 🎉";
                } else {
                    body = PEOPLE.get((int) (i % PEOPLE.size())) + ": Message number " + i
                            + " about the book we are reading this month, chapter " + (i % 40);
                }
                String line = header + body + "\n";
                w.write(line);
                written += line.getBytes(StandardCharsets.UTF_8).length;
                i++;
            }
        }
    }

    /** A whole-account export: personal chats of 20,000 messages, texts as strings and as entity arrays, a group. */
    static void telegram(Path file, long bytes) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20)) {
            w.write(
                    "{\n \"about\": \"Here is the data you requested.\",\n \"personal_information\": {\"user_id\": 1000001,"
                            + " \"first_name\": \"Sam\", \"last_name\": \"Owner\", \"phone_number\": \"+44 7700 900999\"},\n"
                            + " \"contacts\": {\"about\": \"\", \"list\": [{\"first_name\": \"Jane\", \"last_name\": \"Doe\","
                            + " \"phone_number\": \"+44 7700 900123\", \"date_unixtime\": \"1646125200\"}]},\n"
                            + " \"chats\": {\"about\": \"\", \"list\": [\n");
            long written = 400;
            long id = 0;
            int chat = 0;
            while (written < bytes) {
                chat++;
                String type = chat % 10 == 0 ? "private_group" : "personal_chat";
                String head = (chat > 1 ? ",\n" : "") + "  {\"name\": \"" + PEOPLE.get(chat % PEOPLE.size()) + " "
                        + chat + "\", \"type\": \"" + type + "\", \"id\": " + (2_000_000 + chat)
                        + ", \"messages\": [\n";
                w.write(head);
                written += head.length();
                for (int m = 0; m < 20_000 && written < bytes; m++) {
                    id++;
                    boolean mine = m % 2 == 1;
                    String from = mine ? "user1000001" : "user" + (2_000_000 + chat);
                    String text = m % 3 == 0
                            ? "[\"See \", {\"type\": \"link\", \"text\": \"https://example.org/" + id
                                    + "\"}, \" and \", {\"type\": \"bold\", \"text\": \"bring snacks\"}]"
                            : "\"Message " + id + " about plans for the weekend, the usual place at seven?\"";
                    String msg = (m > 0 ? ",\n" : "") + "   {\"id\": " + id + ", \"type\": \""
                            + (m % 50 == 0 ? "service\", \"action\": \"phone_call" : "message")
                            + "\", \"date\": \"2023-01-01T10:00:00\", \"date_unixtime\": \"" + (1_672_567_200L + id)
                            + "\", \"from\": \"x\", \"from_id\": \"" + from + "\", \"text\": " + text
                            + ", \"text_entities\": [{\"type\": \"plain\", \"text\": \"x\"}]}";
                    w.write(msg);
                    written += msg.length();
                }
                w.write("\n  ]}");
                written += 4;
            }
            w.write("\n ]}\n}\n");
        }
    }
}
