package dev.threshold.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.io.InputStream;
import java.util.Map;

/**
 * The contact imports as {@link ImportKind}s, each one registration with {@link ImportJobs}: {@code linkedin},
 * {@code vcard} and {@code google}, a request body run by {@link ImportService#importFile}. (LinkedIn's multipart
 * upload with messages.csv has two files and is handed to the jobs by its resource method.)
 */
@ApplicationScoped
class ContactImportKinds {

    @Produces
    @Singleton
    ImportKind linkedIn(ImportService service) {
        return kind(LinkedInConnections.KIND, service);
    }

    @Produces
    @Singleton
    ImportKind vcard(ImportService service) {
        return kind(VCards.KIND, service);
    }

    @Produces
    @Singleton
    ImportKind google(ImportService service) {
        return kind(GoogleContacts.KIND, service);
    }

    private static ImportKind kind(String name, ImportService service) {
        return new ImportKind() {
            @Override
            public String kind() {
                return name;
            }

            @Override
            public Object run(String owner, InputStream body, String mediaType, Map<String, String> options) {
                return service.importFile(
                        owner, name, () -> body, null, options.get("me"), ImportResource.flag(options.get("dryRun")));
            }
        };
    }
}
