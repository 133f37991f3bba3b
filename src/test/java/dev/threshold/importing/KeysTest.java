package dev.threshold.importing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The match keys in Java; KeysMatchTheMigrationTest holds them to the SQL. */
class KeysTest {

    @Test
    void aLinkedInKeyIsTheLowerCasedSlug() {
        assertEquals("li:jane-doe", Keys.linkedIn("https://www.linkedin.com/in/Jane-Doe/"));
        assertEquals("li:janedoe", Keys.linkedIn("http://LinkedIn.com/IN/JaneDoe?trk=people"));
        assertEquals("li:x", Keys.linkedIn("linkedin.com/in/x#top"));
        assertEquals("li:jane-doe", Keys.linkedIn("HTTPS://WWW.LinkedIn.com/in/jane-doe/"));
        assertEquals("li:jane-doe", Keys.linkedIn("linkedin.com/in/Jane-Doe"));
        assertEquals("li:jane-doe", Keys.linkedIn("www.linkedin.com/in/jane-doe"));
        assertEquals("li:a", Keys.linkedIn("/in/a b"));
        assertEquals("li:a", Keys.linkedIn("/in/a\u2003b"));
        assertEquals("li:a\u00a0b", Keys.linkedIn("/in/a\u00A0b"));
        assertNull(Keys.linkedIn("https://www.linkedin.com/in/"));
        assertNull(Keys.linkedIn("https://www.linkedin.com/company/acme"));
        assertNull(Keys.linkedIn(null));
    }

    @Test
    void theCanonicalLinkedInUrlKeepsTheSlugsCase() {
        assertEquals(
                "https://www.linkedin.com/in/JaneDoe", Keys.canonicalLinkedIn("http://linkedin.com/IN/JaneDoe?trk=1"));
        assertEquals("not a profile", Keys.canonicalLinkedIn("not a profile"));
        assertNull(Keys.canonicalLinkedIn(null));
    }

    @Test
    void anEmailKeyIsLowerCased() {
        assertEquals("em:jane.doe@example.com", Keys.email("Jane.Doe@Example.COM"));
        assertNull(Keys.email(null));
    }

    @Test
    void aPhoneKeyIsItsDigitsFromSevenOn() {
        assertEquals("ph:442079460958", Keys.phone("+44 20 7946 0958"));
        assertEquals("ph:5551234567", Keys.phone("(555) 123-4567"));
        assertEquals("1234567", Keys.phoneDigits("123-4567"));
        assertNull(Keys.phone("123456"));
        assertNull(Keys.phone("no digits"));
        assertNull(Keys.phone(null));
    }

    @Test
    void aNameKeyIsLowerCasedWithSingleSpaces() {
        assertEquals("jane van doe", Keys.name("  Jane \t Van \n Doe "));
        assertNull(Keys.name(null));
    }
}
