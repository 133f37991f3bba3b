package dev.threshold.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threshold.platform.persistence.Jdbc;
import dev.threshold.score.math.InteractionType;
import dev.threshold.score.math.ScoringSettings;
import dev.threshold.score.math.Tier;
import jakarta.enterprise.context.RequestScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** The scoring settings of owners, read once per request. */
@RequestScoped
public class OwnerScoring {

    private final Jdbc jdbc;
    private final ObjectMapper json;
    private final Map<String, ScoringSettings> cache = new HashMap<>();

    public OwnerScoring(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
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

    /** Remembers settings read together with other data (one round trip instead of two). */
    void remember(String owner, ScoringSettings settings) {
        cache.put(owner, settings);
    }

    /**
     * The settings' columns of {@code scoring_settings} as the table {@code alias} names them, each under its own
     * name (the JSON ones as text), for {@link #settingsOf} to read in a statement that joins that table.
     */
    static String settingsColumns(String alias) {
        String a = alias + ".";
        return a + "half_life_days AS half_life_days, " + a + "saturation AS saturation, CAST(" + a + "weights AS text)"
                + " AS weights, " + a + "acquaintance_floor AS acquaintance_floor, " + a
                + "friend_floor AS friend_floor, "
                + a + "ally_floor AS ally_floor, CAST(" + a + "cadence_days AS text) AS cadence_days";
    }

    private static final String LOAD =
            "SELECT " + settingsColumns("s") + " FROM scoring_settings s WHERE s.owner_id = ?";

    /** Plain JDBC: this runs on nearly every request. */
    private ScoringSettings load(String owner) {
        return jdbc.first(LOAD, ps -> ps.setString(1, owner), this::settingsOf).orElseGet(ScoringSettings::defaults);
    }

    /**
     * The settings in the columns {@link #settingsColumns} of the current row; the defaults when they are null (an
     * outer join found no row).
     */
    ScoringSettings settingsOf(ResultSet rs) throws SQLException {
        double halfLifeDays = rs.getDouble("half_life_days");
        if (rs.wasNull()) {
            return ScoringSettings.defaults();
        }
        try {
            Map<String, Double> w =
                    json.readValue(rs.getString("weights"), new TypeReference<Map<String, Double>>() {});
            Map<String, Integer> c =
                    json.readValue(rs.getString("cadence_days"), new TypeReference<Map<String, Integer>>() {});
            EnumMap<InteractionType, Double> weights = new EnumMap<>(InteractionType.class);
            w.forEach((k, v) -> weights.put(InteractionType.valueOf(k), v));
            EnumMap<Tier, Integer> cadence = new EnumMap<>(Tier.class);
            c.forEach((k, v) -> cadence.put(Tier.valueOf(k), v));
            return new ScoringSettings(
                    halfLifeDays,
                    rs.getDouble("saturation"),
                    weights,
                    rs.getDouble("acquaintance_floor"),
                    rs.getDouble("friend_floor"),
                    rs.getDouble("ally_floor"),
                    cadence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored scoring settings are unreadable", e);
        }
    }
}
