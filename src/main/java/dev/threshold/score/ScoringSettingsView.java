package dev.threshold.score;

import dev.threshold.score.math.InteractionType;
import dev.threshold.score.math.ScoringSettings;
import dev.threshold.score.math.Tier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The owner's scoring settings as the API shows and takes them. Absent fields in a PUT take their defaults. */
@Schema(name = "ScoringSettings")
public record ScoringSettingsView(
        @Schema(description = "Half-life H of an interaction's points, 1–3650 days", example = "90")
                Double halfLifeDays,
        @Schema(description = "Saturation K: effective points at which strength reaches 63.2", example = "30")
                Double saturation,
        @Schema(description = "Points per interaction type; absent types keep their default")
                Map<InteractionType, Double> weights,
        @Schema(
                        description =
                                "Tier floors: ACQUAINTANCE < FRIEND < ALLY, each in (0, 100); absent or null keeps the default")
                Map<Tier, Double> tiers,
        @Schema(description = "Days between touches wanted per tier (1–3650)") Map<Tier, Integer> cadenceDays) {

    static ScoringSettingsView of(ScoringSettings s) {
        Map<Tier, Double> tiers = new LinkedHashMap<>();
        tiers.put(Tier.ACQUAINTANCE, s.acquaintanceFloor());
        tiers.put(Tier.FRIEND, s.friendFloor());
        tiers.put(Tier.ALLY, s.allyFloor());
        return new ScoringSettingsView(
                s.halfLifeDays(), s.saturation(), new EnumMap<>(s.weights()), tiers, new EnumMap<>(s.cadenceDays()));
    }

    ScoringSettings toSettings() {
        ScoringSettings d = ScoringSettings.defaults();
        Map<Tier, Double> t = tiers == null ? Map.of() : tiers;
        return new ScoringSettings(
                halfLifeDays == null ? d.halfLifeDays() : halfLifeDays,
                saturation == null ? d.saturation() : saturation,
                weights,
                floor(t, Tier.ACQUAINTANCE, d.acquaintanceFloor()),
                floor(t, Tier.FRIEND, d.friendFloor()),
                floor(t, Tier.ALLY, d.allyFloor()),
                cadenceDays == null ? d.cadenceDays() : cadenceDays);
    }

    /** A floor left out or sent as null keeps its default, as a weight does (ScoringSettings). */
    private static double floor(Map<Tier, Double> tiers, Tier tier, double byDefault) {
        Double floor = tiers.get(tier);
        return floor == null ? byDefault : floor;
    }
}
