package dev.threshold.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threshold.platform.api.ETags;
import dev.threshold.platform.api.MergePatch;
import dev.threshold.platform.api.Page;
import dev.threshold.platform.api.PageRequest;
import dev.threshold.platform.api.Text;
import dev.threshold.platform.api.Validation;
import dev.threshold.platform.persistence.Ids;
import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.platform.problem.ApiProblem;
import dev.threshold.score.OwnerScoring;
import dev.threshold.score.Scorer;
import dev.threshold.score.math.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Contacts of one owner: create, read, list, replace, merge-patch, delete. Owns the transactions. */
@ApplicationScoped
@Transactional
public class ContactService {

    private final ContactRepository contacts;
    private final EntityManager em;
    private final Validator validator;
    private final ObjectMapper json;
    private final OwnerScoring scoring;
    private final Jdbc jdbc;
    private final ContactRows contactRows;

    public ContactService(
            ContactRepository contacts,
            EntityManager em,
            Validator validator,
            ObjectMapper json,
            OwnerScoring scoring,
            Jdbc jdbc) {
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.contactRows = new ContactRows(json);
        this.em = em;
        this.validator = validator;
        this.json = json;
        this.scoring = scoring;
    }

    public ContactView create(String owner, ContactInput input) {
        validate(input);
        Contact contact = new Contact();
        contact.ownerId = owner;
        contact.id = Ids.timeOrdered();
        contact.createdAt = now();
        apply(contact, input);
        contacts.persist(contact);
        em.flush();
        return view(contact, scoring.scorer(owner));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ContactView get(String owner, UUID id) {
        return view(require(owner, id), scoring.scorer(owner));
    }

    public ContactView replace(String owner, UUID id, ContactInput input, String ifMatch) {
        validate(input);
        Contact contact = require(owner, id);
        ETags.check(ifMatch, contact.version);
        apply(contact, input);
        em.flush();
        return view(contact, scoring.scorer(owner));
    }

    public ContactView patch(String owner, UUID id, JsonNode patch, String ifMatch) {
        Contact contact = require(owner, id);
        ETags.check(ifMatch, contact.version);
        ContactInput input = MergePatch.merge(json, ContactInput.of(contact), patch, ContactInput.class);
        validate(input);
        apply(contact, input);
        em.flush();
        return view(contact, scoring.scorer(owner));
    }

    public void delete(String owner, UUID id, String ifMatch) {
        Contact contact = require(owner, id);
        ETags.check(ifMatch, contact.version);
        // interactions go with the contact (ON DELETE CASCADE on (owner_id, contact_id))
        contacts.delete("ownerId = ?1 and id = ?2", owner, id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ContactView> list(String owner, ContactQuery query, PageRequest page) {
        Scorer scorer = scoring.scorer(owner);
        StringBuilder sql =
                new StringBuilder("SELECT " + ContactRows.COLUMNS + " FROM contacts c WHERE c.owner_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(owner);
        if (query.q() != null) {
            String q = query.q().toLowerCase(Locale.ROOT);
            sql.append(" AND (strpos(lower(c.display_name), ?) > 0 OR strpos(lower(coalesce(c.first_name, '')), ?) > 0"
                    + " OR strpos(lower(coalesce(c.last_name, '')), ?) > 0 OR strpos(lower(coalesce(c.company, '')), ?) > 0"
                    + " OR strpos(lower(array_to_string(c.emails, ' ')), ?) > 0)");
            params.addAll(List.of(q, q, q, q, q));
        }
        if (query.tag() != null) {
            sql.append(" AND ? = ANY (c.tags)");
            params.add(query.tag());
        }
        if (query.tier() != null) {
            sql.append(" AND c.score_key >= ?");
            params.add(scorer.keyFloor(query.tier()));
            Tier next = query.tier().next();
            if (next != null) {
                sql.append(" AND c.score_key < ?");
                params.add(scorer.keyFloor(next));
            }
        }
        switch (query.sort()) {
            case DISPLAY_NAME -> {
                if (page.hasCursor()) {
                    sql.append(" AND (lower(c.display_name), c.id) > (?, ?)");
                    params.add(page.after(0));
                    params.add(page.afterUuid(1));
                }
                sql.append(" ORDER BY lower(c.display_name), c.id");
            }
            case STRENGTH -> {
                if (page.hasCursor()) {
                    double k = page.afterDouble(0);
                    sql.append(" AND c.score_key <= ? AND (c.score_key < ? OR (c.score_key = ? AND c.id > ?))");
                    params.addAll(List.of(k, k, k, page.afterUuid(1)));
                }
                sql.append(" ORDER BY c.score_key DESC, c.id");
            }
            case LAST_INTERACTION_AT -> {
                if (page.hasCursor()) {
                    if (page.after(0) == null) {
                        sql.append(" AND c.last_interaction_at IS NULL AND c.id > ?");
                    } else {
                        OffsetDateTime k = page.afterInstant(0).atOffset(ZoneOffset.UTC);
                        sql.append(" AND (c.last_interaction_at < ? OR (c.last_interaction_at = ? AND c.id > ?)"
                                + " OR c.last_interaction_at IS NULL)");
                        params.add(k);
                        params.add(k);
                    }
                    params.add(page.afterUuid(1));
                }
                sql.append(" ORDER BY c.last_interaction_at DESC NULLS LAST, c.id");
            }
            default -> throw new IllegalStateException();
        }
        sql.append(" LIMIT ?");
        params.add(page.limit() + 1);
        List<Contact> rows = jdbc.list(
                sql.toString(),
                ps -> {
                    for (int i = 0; i < params.size(); i++) {
                        ps.setObject(i + 1, params.get(i));
                    }
                },
                contactRows::contact);
        return page.page(rows, c -> view(c, scorer), c -> switch (query.sort()) {
            case DISPLAY_NAME -> List.of(c.displayName.toLowerCase(Locale.ROOT), c.id.toString());
            case STRENGTH -> List.of(Double.toString(c.scoreKey), c.id.toString());
            case LAST_INTERACTION_AT -> {
                List<String> key = new ArrayList<>();
                key.add(c.lastInteractionAt == null ? null : c.lastInteractionAt.toString());
                key.add(c.id.toString());
                yield key;
            }
        });
    }

    Contact require(String owner, UUID id) {
        return contacts.findOwned(owner, id).orElseThrow(() -> ApiProblem.notFound("Contact " + id));
    }

    private void validate(ContactInput input) {
        Validation.require(validator, input);
    }

    private static void apply(Contact c, ContactInput in) {
        c.displayName = required(Text.clean("displayName", in.displayName()));
        c.firstName = Text.clean("firstName", in.firstName());
        c.lastName = Text.clean("lastName", in.lastName());
        c.emails = cleanList("emails", in.emails(), true);
        c.phones = cleanList("phones", in.phones(), false);
        c.company = Text.clean("company", in.company());
        c.position = Text.clean("position", in.position());
        c.location = Text.clean("location", in.location());
        c.tags = cleanList("tags", in.tags(), false);
        Map<String, String> profiles = new LinkedHashMap<>();
        if (in.profiles() != null) {
            in.profiles().forEach((network, value) -> {
                String key = Text.clean("profiles", network);
                String v = Text.clean("profiles." + network, value);
                if (key != null && v != null) {
                    profiles.put(key.toLowerCase(Locale.ROOT), v);
                }
            });
        }
        c.profiles = profiles;
        c.connectedOn = in.connectedOn();
        c.notes = Text.clean("notes", in.notes());
        c.cadenceDays = in.cadenceDays();
        c.updatedAt = now();
    }

    private static String required(String displayName) {
        if (displayName == null) {
            throw ApiProblem.invalid("displayName", "must not be blank");
        }
        return displayName;
    }

    /** Trimmed, blanks dropped, duplicates dropped (case-insensitively when {@code ignoreCase}), first spelling kept. */
    private static List<String> cleanList(String field, List<String> values, boolean ignoreCase) {
        if (values == null) {
            return new ArrayList<>();
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String v = Text.clean(field + "[" + i + "]", values.get(i));
            if (v != null && seen.add(ignoreCase ? v.toLowerCase(Locale.ROOT) : v)) {
                out.add(v);
            }
        }
        return out;
    }

    static ContactView view(Contact c, Scorer scorer) {
        return new ContactView(
                c.id,
                c.displayName,
                c.firstName,
                c.lastName,
                List.copyOf(c.emails),
                List.copyOf(c.phones),
                c.company,
                c.position,
                c.location,
                List.copyOf(c.tags),
                Map.copyOf(c.profiles),
                c.connectedOn,
                c.notes,
                c.cadenceDays,
                scorer.strength(c.scoreKey),
                scorer.tier(c.scoreKey),
                c.lastInteractionAt,
                c.snoozedUntil != null && c.snoozedUntil.isAfter(scorer.at()) ? c.snoozedUntil : null,
                c.createdAt,
                c.updatedAt,
                c.version);
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
