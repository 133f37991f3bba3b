package dev.threshold.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threshold.platform.persistence.Jdbc;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The SQL that reads an owner's actions as {@link ActionRef}s, lowest threshold first, so that the knowledge of the
 * {@code actions} and {@code owners} tables stays in this package: read alone ({@link ActionService#actions}),
 * or embedded as two expressions in a statement of another feature (the score read gets them in its one round trip).
 */
public final class ActionRefs {

    private ActionRefs() {}

    /** The owner's actions, lowest threshold first. */
    static final String SELECT =
            "SELECT id, name, threshold FROM actions WHERE owner_id = ? ORDER BY threshold, name, id";

    /** One of the owner's actions by id. */
    static final String SELECT_ONE = "SELECT id, name, threshold FROM actions WHERE owner_id = ? AND id = ?";

    /** A row of {@link #SELECT} and {@link #SELECT_ONE}. */
    static final Jdbc.RowMapper<ActionRef> ROW =
            rs -> new ActionRef(rs.getObject("id", UUID.class), rs.getString("name"), rs.getDouble("threshold"));

    /**
     * A boolean SQL expression: whether the owner in {@code ownerColumn} (e.g. {@code c.owner_id}) was provisioned
     * ({@link DefaultActions}), i.e. whether {@link #json} is the whole truth about their actions.
     */
    public static String provisioned(String ownerColumn) {
        return "EXISTS (SELECT 1 FROM owners o WHERE o.owner_id = " + ownerColumn + ")";
    }

    /**
     * A scalar SQL expression: the actions of the owner in {@code ownerColumn} as a JSON array of
     * {@code [id, name, threshold]}, lowest threshold first; null when they have none. Read it with {@link #fromJson}.
     */
    public static String json(String ownerColumn) {
        return "(SELECT json_agg(json_build_array(a.id, a.name, a.threshold) ORDER BY a.threshold, a.name, a.id)"
                + "    FROM actions a WHERE a.owner_id = " + ownerColumn + ")";
    }

    /** The actions in a value of {@link #json} (null for none). */
    public static List<ActionRef> fromJson(ObjectMapper json, String array) {
        if (array == null) {
            return List.of();
        }
        try {
            List<ActionRef> refs = new ArrayList<>();
            for (JsonNode a : json.readTree(array)) {
                refs.add(new ActionRef(
                        UUID.fromString(a.get(0).asText()),
                        a.get(1).asText(),
                        a.get(2).asDouble()));
            }
            return refs;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
