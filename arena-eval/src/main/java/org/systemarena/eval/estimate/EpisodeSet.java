package org.systemarena.eval.estimate;

import java.util.List;
import java.util.Objects;

/** The episodes of one target policy over a set of cases, with the provenance of their propensities. */
public record EpisodeSet(List<Episode> episodes, PropensitySource propensities) {
    public EpisodeSet {
        episodes = List.copyOf(episodes);
        Objects.requireNonNull(propensities, "propensities");
    }

    /** Episodes whose propensities were read from the log. */
    public static EpisodeSet logged(List<Episode> episodes) {
        return new EpisodeSet(episodes, PropensitySource.LOGGED);
    }

    public int size() {
        return episodes.size();
    }
}
