package dev.threshold.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threshold.action.ActionRef;
import dev.threshold.action.ActionRefs;
import dev.threshold.platform.warmup.WarmUpStep;
import dev.threshold.score.math.Direction;
import dev.threshold.score.math.InteractionType;
import dev.threshold.score.math.Score;
import dev.threshold.score.math.ScoreCalculator;
import dev.threshold.score.math.ScoreState;
import dev.threshold.score.math.ScoredInteraction;
import dev.threshold.score.math.ScoringSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The score read's found path, warmed in-process before readiness ({@link WarmUpStep}): what the warm-up's requests,
 * which ask for contacts that do not exist, never reach: the actions' JSON parsed as the snapshot query returns it, a
 * score computed from a stored state, its view built and written as JSON with the application's mapper (the one the
 * REST layer writes responses with). On made-up values only.
 */
@ApplicationScoped
class ScoreWarmUp implements WarmUpStep {

    private final ObjectMapper json;

    ScoreWarmUp(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void exercise(int rounds) {
        ScoringSettings settings = ScoringSettings.defaults();
        Instant now = Instant.now();
        List<ScoredInteraction> made = new ArrayList<>();
        InteractionType[] types = InteractionType.values();
        Direction[] directions = Direction.values();
        for (int i = 0; i < 24; i++) {
            made.add(new ScoredInteraction(
                    types[i % types.length],
                    directions[i % directions.length],
                    now.minus(Duration.ofDays(7L * i)),
                    null));
        }
        ScoreState state = ScoreState.of(made, settings);
        // as ActionRefs.json returns them: [id, name, threshold] each
        String actions = "[[\"" + UUID.randomUUID() + "\",\"Invite to my presentation\",30]," + "[\""
                + UUID.randomUUID() + "\",\"Ask for a referral\",60]]";
        long bytes = 0;
        try {
            for (int i = 0; i < rounds; i++) {
                List<ActionRef> refs = ActionRefs.fromJson(json, actions);
                Score score = ScoreCalculator.score(state, now.plusSeconds(i), settings);
                ScoreView view = ScoreView.of(UUID.randomUUID(), score, refs, state.peak(), settings);
                bytes += json.writeValueAsBytes(view).length;
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes < 0) {
            throw new IllegalStateException("unreachable: keeps the loop's work observable");
        }
    }
}
