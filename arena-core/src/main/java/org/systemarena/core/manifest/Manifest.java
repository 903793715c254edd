package org.systemarena.core.manifest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.systemarena.core.Action;

/**
 * A workflow's manifest ({@code manifest.yaml}): how to read its log, where decisions are made, which actions are
 * allowed, what counts as a good outcome, and which constraints a policy must respect. See docs/manifest.md.
 */
public record Manifest(
        String name,
        String version,
        String description,
        CaseConfig caseConfig,
        List<DecisionPointSpec> decisionPoints,
        List<Action> allowedActions,
        OutcomeSpec outcomes,
        List<ConstraintSpec> constraints,
        HistoricalActionSpec historicalAction,
        RankingSpec ranking,
        BehaviourModelSpec behaviourModel,
        String source) {

    public Manifest {
        Objects.requireNonNull(name, "name");
        caseConfig = caseConfig == null ? CaseConfig.defaults() : caseConfig;
        decisionPoints = decisionPoints == null ? List.of() : List.copyOf(decisionPoints);
        allowedActions = allowedActions == null ? List.of() : List.copyOf(allowedActions);
        outcomes = outcomes == null ? OutcomeSpec.none() : outcomes;
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
        historicalAction = historicalAction == null ? HistoricalActionSpec.defaults() : historicalAction;
        ranking = ranking == null ? RankingSpec.defaults() : ranking;
        behaviourModel = behaviourModel == null ? BehaviourModelSpec.defaults() : behaviourModel;
        source = source == null ? "<manifest>" : source;
    }

    /** This manifest with other decision points (a run's override of the manifest's). */
    public Manifest withDecisionPoints(List<DecisionPointSpec> points) {
        return new Manifest(name, version, description, caseConfig, points, allowedActions, outcomes, constraints,
                historicalAction, ranking, behaviourModel, source);
    }

    /** This manifest with other constraints (a run's override of the manifest's). */
    public Manifest withConstraints(List<ConstraintSpec> specs) {
        return new Manifest(name, version, description, caseConfig, decisionPoints, allowedActions, outcomes, specs,
                historicalAction, ranking, behaviourModel, source);
    }

    /** The allowed action with this type, if declared. */
    public Optional<Action> action(String type) {
        return allowedActions.stream().filter(a -> a.type().equals(type)).findFirst();
    }

    /** The allowed actions of a decision point: its own list, or every declared action when it lists none. */
    public List<Action> actionsFor(DecisionPointSpec point) {
        if (point.allowedActions().isEmpty()) {
            return allowedActions;
        }
        return point.allowedActions().stream()
                .map(t -> action(t).orElse(Action.of(t)))
                .toList();
    }
}
