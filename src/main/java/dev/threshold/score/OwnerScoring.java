package dev.threshold.score;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threshold.score.math.InteractionType;
import dev.threshold.score.math.ScoringSettings;
import dev.threshold.score.math.Tier;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The scoring settings of owners, read once per request. */
@RequestScoped
public class OwnerScoring {

    private final EntityManager em;
    private final ObjectMapper json;
    private final Map<String, ScoringSettings> cache = new HashMap<>();

    public OwnerScoring(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    public ScoringSettings settings(String owner) {
        return cache.computeIfAbsent(owner, this::load);
    }

    public Scorer scorer(String owner) {
        return new Scorer(settings(owner), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    public Scorer scorer(String owner, Instant at) {
        return new Scorer(settings(owner), at);
    }

    void forget(String owner) {
        cache.remove(owner);
    }

    /** The settings in the columns {@code SETTINGS_COLUMNS} of the current row, the first at {@code first}. */
    ScoringSettings settingsAt(ResultSet rs, int first) throws SQLException {
        return settingsAt(json, rs, first);
    }

    /** Remembers settings read together with other data (one round trip instead of two). */
    void remember(String owner, ScoringSettings settings) {
        cache.put(owner, settings);
    }

    /** The settings' columns of {@code scoring_settings}, in the order {@link #settingsOf} takes them. */
    static final String SETTINGS_COLUMNS = "half_life_days, saturation, CAST(weights AS text), acquaintance_floor,"
            + " friend_floor, ally_floor, CAST(cadence_days AS text)";

    /** Plain JDBC on the request's connection: this runs on nearly every request. */
    private ScoringSettings load(String owner) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SETTINGS_COLUMNS
                    + " FROM scoring_settings WHERE owner_id = ?")) {
                ps.setString(1, owner);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? settingsAt(json, rs, 1) : ScoringSettings.defaults();
                }
            }
        });
    }

    /** The settings in the columns {@code SETTINGS_COLUMNS}, the first at {@code first}; defaults when they are null (no row). */
    private static ScoringSettings settingsAt(ObjectMapper json, ResultSet rs, int first) throws SQLException {
        if (rs.getObject(first) == null) {
            return ScoringSettings.defaults();
        }
        return settingsOf(json, rs.getDouble(first), rs.getDouble(first + 1), rs.getString(first + 2),
                rs.getDouble(first + 3), rs.getDouble(first + 4), rs.getDouble(first + 5), rs.getString(first + 6));
    }

    /** An owner's stored settings (the values of {@code SETTINGS_COLUMNS}). */
    private static ScoringSettings settingsOf(ObjectMapper json, double halfLifeDays, double saturation, String weightsJson,
                                      double acquaintance, double friend, double ally, String cadenceJson) {
        try {
            Map<String, Double> w = json.readValue(weightsJson, new TypeReference<Map<String, Double>>() { });
            Map<String, Integer> c = json.readValue(cadenceJson, new TypeReference<Map<String, Integer>>() { });
            EnumMap<InteractionType, Double> weights = new EnumMap<>(InteractionType.class);
            w.forEach((k, v) -> weights.put(InteractionType.valueOf(k), v));
            EnumMap<Tier, Integer> cadence = new EnumMap<>(Tier.class);
            c.forEach((k, v) -> cadence.put(Tier.valueOf(k), v));
            return new ScoringSettings(halfLifeDays, saturation, weights, acquaintance, friend, ally, cadence);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Stored scoring settings are unreadable", e);
        }
    }
}
