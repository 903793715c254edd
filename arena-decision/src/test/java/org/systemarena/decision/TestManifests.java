package org.systemarena.decision;

import java.time.Duration;
import java.util.List;
import org.systemarena.core.Action;
import org.systemarena.core.manifest.ConstraintSpec;
import org.systemarena.core.manifest.DecisionPointSpec;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.core.manifest.OutcomeSpec;

final class TestManifests {
    static final List<Action> ACTIONS = List.of(Action.of("call"), Action.of("send_email"), Action.of("wait"));

    private TestManifests() {
    }

    static Manifest of(List<DecisionPointSpec> points, OutcomeSpec outcomes, List<ConstraintSpec> constraints) {
        return new Manifest("test", "1", null, null, points, ACTIONS, outcomes, constraints, null, null, null,
                "test.yaml");
    }

    static Manifest of(List<DecisionPointSpec> points, Duration horizon) {
        return of(points, new OutcomeSpec(List.of("won"), List.of("lost"), List.of("stalled"), horizon), List.of());
    }
}
