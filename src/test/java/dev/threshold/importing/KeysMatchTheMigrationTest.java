package dev.threshold.importing;

import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.support.ApiTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Holds {@link Keys} to the SQL of V4__import_indexes.sql, on the real PostgreSQL: an import matches a row by the
 * keys Java computes against the keys the {@code contact_keys} trigger computed from stored contacts, so the two
 * must agree on every input, or an import would create a duplicate instead of filling the contact it is.
 */
@QuarkusTest
class KeysMatchTheMigrationTest extends ApiTest {

    /** LinkedIn profile URLs as files and clients write them. */
    static final List<String> URLS = Arrays.asList(
            null,
            "",
            "https://www.linkedin.com/in/jane-doe",
            "https://www.linkedin.com/in/Jane-Doe/",
            "http://LinkedIn.com/IN/JaneDoe?trk=people",
            "linkedin.com/in/x#top",
            "https://www.linkedin.com/in/",
            "https://www.linkedin.com/company/acme",
            "https://de.linkedin.com/in/j%C3%BCrgen-m",
            "https://www.linkedin.com/in/jürgen-müller",
            "https://www.linkedin.com/in/ÉLODIE",
            "/in/a b",
            "/in/a\tb",
            "/in/a\u00A0b",
            "/in/a\u2003b",
            "https://www.linkedin.com/pub/in/x/y",
            "https://www.linkedin.com/in//double",
            "no url at all");

    /** E-mails as the contacts API and imports store them (lower-cased in Java first). */
    static final List<String> EMAILS = Arrays.asList(
            "jane@example.com",
            "Jane.Doe@Example.COM",
            "ÉLODIE@exemple.fr",
            "straße@example.de",
            "o'brien+tag@example.ie",
            "ÀÉÎÕÜ@x.y",
            "");

    /** Phone numbers in the forms people type them. */
    static final List<String> PHONES = Arrays.asList(
            null,
            "",
            "+44 20 7946 0958",
            "(555) 123-4567",
            "123456",
            "1234567",
            "+1-555-0100 ext. 12",
            "٠١٢٣٤٥٦٧٨",
            "１２３４５６７８",
            "tel:+33 1 23 45 67 89",
            "no digits");

    @Inject
    Jdbc jdbc;

    @Test
    void linkedInKeysAreTheSqlOnes() {
        for (String url : URLS) {
            assertEquals(sql("SELECT 'li:' || threshold_linkedin_slug(?) AS k", url), Keys.linkedIn(url), "url " + url);
        }
    }

    /**
     * Every character of the Basic Multilingual Plane up to U+30FF inside a slug ({@code /in/a<c>b}), in one
     * statement: where the slug ends (the SQL's {@code [:space:]}, {@code /?#}) and how it is lower-cased must
     * agree. Left out, and known to differ: U+0130 (Java lower-cases it to two characters, the database to one)
     * and U+2C2F (a letter newer than the database's case tables).
     */
    @Test
    void everyCharacterEndsOrContinuesASlugAsInTheSql() {
        List<String> urls = new ArrayList<>();
        for (int c = 1; c < 0x3100; c++) {
            if (!Character.isSurrogate((char) c) && c != 0x130 && c != 0x2C2F) {
                urls.add("/in/a" + (char) c + "b");
            }
        }
        List<String> sql = QuarkusTransaction.requiringNew()
                .call(() -> jdbc.list(
                        "SELECT 'li:' || threshold_linkedin_slug(u.url) AS k FROM unnest(?) WITH ORDINALITY AS u(url, i) ORDER BY u.i",
                        ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", urls.toArray())),
                        rs -> rs.getString("k")));
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            if (!Objects.equals(sql.get(i), Keys.linkedIn(urls.get(i)))) {
                mismatches.add(String.format(
                        "U+%04X: sql %s, java %s",
                        (int) urls.get(i).charAt(5), sql.get(i), Keys.linkedIn(urls.get(i))));
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void emailKeysAreTheSqlOnes() {
        for (String raw : EMAILS) {
            String stored = raw.toLowerCase(Locale.ROOT); // as ContactDraft.email and ContactInput store it
            assertEquals(sql("SELECT 'em:' || lower(?) AS k", stored), Keys.email(stored), "e-mail " + raw);
        }
    }

    @Test
    void phoneKeysAreTheSqlOnes() {
        for (String phone : PHONES) {
            assertEquals(
                    sql("SELECT 'ph:' || threshold_phone_digits(?) AS k", phone), Keys.phone(phone), "phone " + phone);
        }
    }

    @Test
    void theTriggerStoresTheKeysAnImportLooksFor() {
        ContactDraft d = new ContactDraft();
        d.displayName = "Keys";
        EMAILS.stream().filter(e -> !e.isEmpty()).forEach(d::email);
        PHONES.forEach(d::phone);
        d.profile("linkedin", "http://LinkedIn.com/IN/JaneDoe?trk=people");
        String id = createContact(Map.of(
                "displayName",
                d.displayName,
                "emails",
                new ArrayList<>(d.emails),
                "phones",
                new ArrayList<>(d.phones),
                "profiles",
                d.profiles));
        List<String> stored = QuarkusTransaction.requiringNew()
                .call(() -> jdbc.list(
                        "SELECT key FROM contact_keys WHERE owner_id = ? AND contact_id = ?::uuid",
                        ps -> {
                            ps.setString(1, owner);
                            ps.setString(2, id);
                        },
                        rs -> rs.getString("key")));
        assertEquals(new TreeSet<>(d.keys()), new TreeSet<>(stored));
    }

    /** The one value {@code select} makes of {@code value} (null when the SQL says there is no key). */
    private String sql(String select, String value) {
        return QuarkusTransaction.requiringNew()
                .call(() -> jdbc.first(
                                select, ps -> ps.setString(1, value), rs -> Optional.ofNullable(rs.getString("k")))
                        .orElseThrow())
                .orElse(null);
    }
}
