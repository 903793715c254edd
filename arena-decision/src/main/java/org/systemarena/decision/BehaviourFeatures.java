package org.systemarena.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.systemarena.core.EventLog;
import org.systemarena.core.StringDictionary;
import org.systemarena.core.manifest.HistoricalActionSpec;
import org.systemarena.core.manifest.Manifest;

/**
 * The snapshot names a behaviour model mu(action | snapshot) of the log's logging policy reads, which the replay
 * records at every decision point: the manifest's {@code behaviour_model.features} when it names any, else the
 * default set (docs/manifest.md): {@link #DEFAULT_BUILT_INS}, then the log's payload keys in the key dictionary's
 * order, leaving out the historical action's own fields, reserved {@code event.}/{@code state.} keys and keys named
 * like a built-in (the name means the built-in), and keeping at most {@link #MAX_DEFAULT_PAYLOAD_KEYS}.
 *
 * @param names    the names, in order
 * @param omitted  payload keys the default set left out for the limit, in key order (empty when the manifest names
 *                 the features)
 * @param declared whether the names come from the manifest
 */
public record BehaviourFeatures(List<String> names, List<String> omitted, boolean declared) {
    /** The most payload keys the default set takes; a log with more is usually keyed by something per case. */
    public static final int MAX_DEFAULT_PAYLOAD_KEYS = 64;

    /** The numeric and categorical built-ins of the default set. */
    public static final List<String> DEFAULT_BUILT_INS = List.of(SnapshotNames.DAYS_SINCE_LAST_CONTACT,
            SnapshotNames.TOTAL_INTERACTIONS, SnapshotNames.TOTAL_EVENTS, SnapshotNames.TIME_SINCE_CREATED_DAYS,
            SnapshotNames.TIME_IN_CURRENT_STATE_DAYS, SnapshotNames.STATUS, SnapshotNames.ACTIVITY);

    public BehaviourFeatures {
        names = List.copyOf(names);
        omitted = List.copyOf(omitted);
    }

    /** The features for this manifest and log (declared names are checked by {@link DecisionPointExtractor#of}). */
    public static BehaviourFeatures of(Manifest manifest, EventLog log) {
        Objects.requireNonNull(log, "log");
        List<String> declared = manifest.behaviourModel().features();
        if (!declared.isEmpty()) {
            return new BehaviourFeatures(declared, List.of(), true);
        }
        HistoricalActionSpec h = manifest.historicalAction();
        Set<String> labels = h.distributionField() == null ? Set.of(h.field(), h.propensityField())
                : Set.of(h.field(), h.propensityField(), h.distributionField());
        List<String> names = new ArrayList<>(DEFAULT_BUILT_INS);
        List<String> omitted = new ArrayList<>();
        StringDictionary keys = log.payload().keyDictionary();
        int taken = 0;
        for (int k = 0; k < keys.size(); k++) {
            String key = keys.value(k);
            if (labels.contains(key) || SnapshotNames.isBuiltIn(key) || key.startsWith(SnapshotNames.EVENT_PREFIX)
                    || key.startsWith(SnapshotNames.STATE_PREFIX)) {
                continue;
            }
            if (taken < MAX_DEFAULT_PAYLOAD_KEYS) {
                names.add(key);
                taken++;
            } else {
                omitted.add(key);
            }
        }
        return new BehaviourFeatures(names, omitted, false);
    }
}
