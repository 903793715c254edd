package org.systemarena.core.manifest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.systemarena.core.ArenaException;

/**
 * The manifest's {@code behaviour_model} section: the snapshot names a behaviour model mu(action | snapshot) reads,
 * recorded per decision point by the replay. Empty: the default set (docs/manifest.md). {@code featurePositions}
 * locate each name in the manifest for error messages (one per feature, or empty when built in code).
 */
public record BehaviourModelSpec(List<String> features, List<SourcePosition> featurePositions) {
    public BehaviourModelSpec {
        features = features == null ? List.of() : List.copyOf(features);
        Set<String> seen = new HashSet<>();
        for (String f : features) {
            if (f.isBlank()) {
                throw new ArenaException("behaviour_model.features must not contain an empty name");
            }
            if (!seen.add(f)) {
                throw new ArenaException("behaviour_model.features lists '" + f + "' twice");
            }
        }
        if (featurePositions == null || featurePositions.isEmpty()) {
            List<SourcePosition> unknown = new ArrayList<>(features.size());
            features.forEach(f -> unknown.add(SourcePosition.UNKNOWN));
            featurePositions = List.copyOf(unknown);
        } else if (featurePositions.size() != features.size()) {
            throw new ArenaException("behaviour_model: " + features.size() + " features but "
                    + featurePositions.size() + " positions");
        } else {
            featurePositions = List.copyOf(featurePositions);
        }
    }

    /** The given names, positions unknown (built in code). */
    public static BehaviourModelSpec of(List<String> features) {
        return new BehaviourModelSpec(Objects.requireNonNull(features, "features"), null);
    }

    /** No names: the replay records the default set. */
    public static BehaviourModelSpec defaults() {
        return new BehaviourModelSpec(List.of(), null);
    }

    /** Whether the manifest names no features, so the default set applies. */
    public boolean usesDefaults() {
        return features.isEmpty();
    }
}
