package dev.threshold.capture;

import dev.threshold.importing.ImportKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.io.InputStream;
import java.util.Map;

/**
 * The captures as {@link ImportKind}s, each one registration with the import jobs ({@code ImportJobs}): a request
 * runs now (200 with the report) or, with {@code Prefer: respond-async} or a body over 32 MB, as a job (202), through
 * the same {@link CaptureService#capture}. The options travel as the job's parameters ({@link CaptureOptions#toParams},
 * already validated by the resource before a byte was read).
 */
@ApplicationScoped
class CaptureKinds {

    /** The job kind of LinkedIn's archive: {@code linkedin} names the Connections.csv import already. */
    static final String LINKEDIN_ARCHIVE = "linkedin-archive";

    @Produces
    @Singleton
    ImportKind calendar(CaptureService service) {
        return kind(CalendarSource.KIND, CalendarSource.KIND, service);
    }

    @Produces
    @Singleton
    ImportKind mail(CaptureService service) {
        return kind(MailSource.KIND, MailSource.KIND, service);
    }

    @Produces
    @Singleton
    ImportKind whatsApp(CaptureService service) {
        return kind(CaptureResource.WHATSAPP, CaptureResource.WHATSAPP, service);
    }

    @Produces
    @Singleton
    ImportKind telegram(CaptureService service) {
        return kind(CaptureResource.TELEGRAM, CaptureResource.TELEGRAM, service);
    }

    @Produces
    @Singleton
    ImportKind linkedInArchive(CaptureService service) {
        return kind(LINKEDIN_ARCHIVE, CaptureResource.LINKEDIN, service);
    }

    private static ImportKind kind(String name, String source, CaptureService service) {
        return new ImportKind() {
            @Override
            public String kind() {
                return name;
            }

            @Override
            public Object run(String owner, InputStream body, String mediaType, Map<String, String> options) {
                return service.capture(owner, source, body, mediaType, CaptureOptions.fromParams(options));
            }
        };
    }
}
