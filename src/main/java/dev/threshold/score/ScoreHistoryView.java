package dev.threshold.score;

import dev.threshold.score.math.Tier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A strength series for charts: at most 1,000 points. */
@Schema(name = "ScoreHistory")
public record ScoreHistoryView(List<Point> points) {

    @Schema(name = "ScorePoint")
    public record Point(Instant at, double strength, Tier tier) {}
}
