package org.systemarena.agents;

import java.util.Locale;
import org.systemarena.core.ArenaException;

/** How a cassette is used (docs/agent-protocol.md, "Recorded responses"). */
public enum CassetteMode {
    /** Ask the agent at every decision point and write a new cassette (an old file is replaced). */
    RECORD("record"),
    /** Never ask the agent: every answer comes from the cassette, and a request it lacks is that point's error. */
    REPLAY("replay"),
    /** Answer from the cassette where it has the request; ask the agent for the rest and add them. */
    RECORD_NEW("record-new");

    private final String label;

    CassetteMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static CassetteMode parse(String text) {
        for (CassetteMode m : values()) {
            if (m.label.equals(text.strip().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new ArenaException("cassette mode must be record, replay or record-new, got '" + text + "'");
    }
}
