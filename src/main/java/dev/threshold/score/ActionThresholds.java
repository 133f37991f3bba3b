package dev.threshold.score;

import java.util.List;

/** The owner's actions, as the scores need them (implemented by the action feature). */
public interface ActionThresholds {

    /** Every action of the owner, lowest threshold first. */
    List<ActionRef> actions(String owner);
}
