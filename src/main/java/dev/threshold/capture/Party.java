package dev.threshold.capture;

/**
 * The other side of a captured interaction as the export names them, before matching: any part may be null (a
 * calendar attendee has an e-mail and maybe a name, a WhatsApp sender a phone or a name, a LinkedIn sender a name and
 * a profile URL).
 */
public record Party(String name, String email, String phone, String linkedin) {

    public static Party email(String name, String email) {
        return new Party(name, email, null, null);
    }

    public static Party phone(String name, String phone) {
        return new Party(name, null, phone, null);
    }

    public static Party named(String name) {
        return new Party(name, null, null, null);
    }
}
