package dev.threshold.platform.http;

import dev.threshold.contact.ContactResource;
import dev.threshold.importing.ExportResource;
import dev.threshold.importing.ImportResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which paths get the larger body limit: those the resources declare {@code @TakesFile}, nothing else. (Real
 * resource classes: a {@code @Path} class in the tests would become an endpoint of every {@code @QuarkusTest}.)
 */
class BodyLimitTest {

    @Test
    void theImportsDeclareEveryPathBelowTheirOwn() {
        Pattern files =
                BodyLimit.takesFilePaths(List.of(ImportResource.class, ExportResource.class, ContactResource.class));
        assertTrue(files.matcher("/api/v1/imports/linkedin").matches());
        assertTrue(files.matcher("/api/v1/imports/vcard").matches());
        assertTrue(files.matcher("/api/v1/imports/anything/else").matches());
        assertFalse(files.matcher("/api/v1/imports").matches());
        assertFalse(files.matcher("/api/v1/importsx/linkedin").matches());
        assertFalse(files.matcher("/api/v1/contacts").matches());
        assertFalse(files.matcher("/api/v1/contacts/export").matches());
    }

    @Test
    void aMethodDeclaresItsOwnPathWithTemplatesMatchingOneSegment() {
        Pattern photo = Pattern.compile(BodyLimit.exactly("/api/v1/contacts/{id}/photo"));
        assertTrue(photo.matcher("/api/v1/contacts/0190a/photo").matches());
        assertTrue(photo.matcher("/api/v1/contacts/0190a/photo/").matches());
        assertFalse(photo.matcher("/api/v1/contacts/0190a/b/photo").matches());
        assertFalse(photo.matcher("/api/v1/contacts/0190a").matches());
        assertTrue(Pattern.compile(BodyLimit.exactly("/api/v1/a.b"))
                .matcher("/api/v1/a.b")
                .matches());
        assertFalse(Pattern.compile(BodyLimit.exactly("/api/v1/a.b"))
                .matcher("/api/v1/axb")
                .matches());
    }

    @Test
    void noDeclarationMatchesNothing() {
        Pattern files = BodyLimit.takesFilePaths(List.of(ContactResource.class));
        assertFalse(files.matcher("/api/v1/contacts").matches());
        assertFalse(files.matcher("").matches());
    }
}
