package dev.threshold.capture;

import dev.threshold.importing.ContactKeys;
import dev.threshold.platform.api.Validation;
import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.platform.persistence.SqlValues;
import dev.threshold.platform.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The owner profile ({@code owner_profiles}, V10): read (the empty profile with UTC until set), replaced with
 * validation by field, and read by every capture.
 */
@ApplicationScoped
@Transactional
public class ProfileService {

    private final Jdbc jdbc;
    private final Validator validator;

    public ProfileService(Jdbc jdbc, Validator validator) {
        this.jdbc = jdbc;
        this.validator = validator;
    }

    public Profile get(String owner) {
        return jdbc.first(
                        "SELECT names, emails, phones, linkedin, time_zone FROM owner_profiles WHERE owner_id = ?",
                        ps -> ps.setString(1, owner),
                        rs -> new Profile(
                                SqlValues.strings(rs, "names"),
                                SqlValues.strings(rs, "emails"),
                                SqlValues.strings(rs, "phones"),
                                rs.getString("linkedin"),
                                rs.getString("time_zone")))
                .orElseGet(Profile::empty);
    }

    public Profile replace(String owner, Profile input) {
        Validation.require(validator, input);
        Profile p = normalised(input);
        jdbc.update(
                "INSERT INTO owner_profiles (owner_id, names, emails, phones, linkedin, time_zone, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (owner_id) DO UPDATE SET names = excluded.names,"
                        + " emails = excluded.emails, phones = excluded.phones, linkedin = excluded.linkedin,"
                        + " time_zone = excluded.time_zone, updated_at = excluded.updated_at",
                ps -> {
                    ps.setString(1, owner);
                    ps.setArray(
                            2,
                            ps.getConnection().createArrayOf("text", p.names().toArray()));
                    ps.setArray(
                            3,
                            ps.getConnection().createArrayOf("text", p.emails().toArray()));
                    ps.setArray(
                            4,
                            ps.getConnection().createArrayOf("text", p.phones().toArray()));
                    ps.setString(5, p.linkedin());
                    ps.setString(6, p.timeZone());
                    ps.setTimestamp(7, Timestamp.from(Instant.now()));
                });
        return p;
    }

    /** Stripped and de-duplicated values; the LinkedIn URL and time zone checked (400 naming the field). */
    private static Profile normalised(Profile in) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        String linkedin = blankToNull(in.linkedin());
        if (linkedin != null && ContactKeys.linkedInSlug(linkedin) == null) {
            errors.add(new ApiProblem.FieldError(
                    "linkedin", "must be a LinkedIn profile URL such as https://www.linkedin.com/in/<name>"));
        }
        String zone = blankToNull(in.timeZone());
        if (zone == null) {
            zone = Profile.DEFAULT_ZONE;
        } else if (zone(zone) == null) {
            errors.add(new ApiProblem.FieldError("timeZone", "must be an IANA time zone such as Europe/London"));
        }
        List<String> phones = distinct(in.phones());
        for (int i = 0; i < phones.size(); i++) {
            if (ContactKeys.phoneDigits(phones.get(i)) == null) {
                errors.add(new ApiProblem.FieldError("phones[" + i + "]", "must have at least 7 digits"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return new Profile(distinct(in.names()), distinct(in.emails()), phones, linkedin, zone);
    }

    /** The zone of an IANA name (a region such as {@code Europe/London}, or {@code UTC}); null when it is not one. */
    static ZoneId zone(String name) {
        if (name == null || !(name.equals("UTC") || ZoneId.getAvailableZoneIds().contains(name))) {
            return null;
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static List<String> distinct(List<String> values) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    out.add(v.strip());
                }
            }
        }
        return List.copyOf(out);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
