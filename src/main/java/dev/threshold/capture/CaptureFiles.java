package dev.threshold.capture;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The files of an upload, streamed one after the other, whatever its shape: the body itself, each file part of a
 * {@code multipart/form-data} (or any {@code multipart/*}) upload, each entry of a {@code .zip} (as the body or as a
 * part). Nothing is spooled: parts and entries are read as the body streams in (mime4j's MIME parser, the JDK's
 * {@link ZipInputStream}).
 */
final class CaptureFiles {

    /** What is done with each file found. */
    interface Visitor {
        void file(InputStream in, String name, String mediaType) throws IOException;

        void ignored(String name);
    }

    private static final Pattern FILENAME =
            Pattern.compile("(?i)filename\\*?=\\s*(?:\"([^\"]*)\"|(?:UTF-8'[^']*')?([^;\\s]+))");

    private CaptureFiles() {}

    static void each(InputStream body, String mediaType, CaptureSource source, Visitor visitor) throws IOException {
        String type = base(mediaType);
        if (type.startsWith("multipart/")) {
            multipart(body, mediaType, source, visitor);
        } else if (isZip(null, type) && !source.readsArchives()) {
            zip(body, source, visitor);
        } else {
            visitor.file(body, null, mediaType);
        }
    }

    private static void multipart(InputStream body, String mediaType, CaptureSource source, Visitor visitor)
            throws IOException {
        MimeConfig config = MimeConfig.custom()
                .setMaxLineLen(-1)
                .setMaxHeaderLen(-1)
                .setMaxHeaderCount(-1)
                .setMaxContentLen(-1)
                .setStrictParsing(false)
                .build();
        MimeStreamParser parser = new MimeStreamParser(config);
        parser.setNoRecurse(); // an .eml part (message/rfc822) is a file, not a tree
        parser.setContentDecoding(true);
        parser.setContentHandler(new AbstractContentHandler() {
            private String name;

            @Override
            public void startHeader() {
                name = null;
            }

            @Override
            public void field(Field field) {
                if ("content-disposition".equalsIgnoreCase(field.getName())) {
                    Matcher m = FILENAME.matcher(field.getBody());
                    if (m.find()) {
                        name = m.group(1) != null ? m.group(1) : m.group(2);
                    }
                }
            }

            @Override
            public void body(BodyDescriptor bd, InputStream in) throws IOException {
                String partType = bd.getMimeType();
                if (isZip(name, partType) && !source.readsArchives()) {
                    zip(in, source, visitor);
                } else if (source.reads(name, partType)) {
                    visitor.file(in, name, partType);
                } else {
                    visitor.ignored(name);
                }
            }
        });
        byte[] header =
                ("Content-Type: " + mediaType.replaceAll("[\r\n]", " ") + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        try {
            parser.parse(new SequenceInputStream(new ByteArrayInputStream(header), body));
        } catch (MimeException e) {
            throw new CaptureSource.Unreadable("the multipart upload cannot be read: " + e.getMessage());
        }
    }

    private static void zip(InputStream in, CaptureSource source, Visitor visitor) throws IOException {
        ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
        boolean any = false;
        try {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                any = true;
                String name = e.getName();
                if (e.isDirectory() || name.startsWith("__MACOSX/") || name.contains("/._")) {
                    continue;
                }
                if (source.reads(name, null)) {
                    visitor.file(new KeepOpen(zip), name, null);
                } else {
                    visitor.ignored(name);
                }
            }
        } catch (ZipException | IllegalArgumentException e) {
            throw new CaptureSource.Unreadable("the zip archive cannot be read: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (!any) {
            throw new CaptureSource.Unreadable("the zip archive is empty or not a zip archive");
        }
    }

    static String base(String mediaType) {
        if (mediaType == null) {
            return "";
        }
        int semi = mediaType.indexOf(';');
        return (semi < 0 ? mediaType : mediaType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isZip(String name, String mediaType) {
        String t = base(mediaType);
        return t.equals("application/zip")
                || t.equals("application/x-zip-compressed")
                || t.equals("application/x-zip")
                || name != null && name.toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /** An entry's stream that a source may close without closing the archive. */
    private static final class KeepOpen extends FilterInputStream {
        KeepOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {}
    }
}
