package org.systemarena.core;

import java.util.ArrayList;
import java.util.List;

/** The events of one case: a window {@code [start, end)} of rows of an {@link EventLog}, in case order. */
public record CaseView(EventLog log, int caseIndex) {
    public String caseId() {
        return log.caseId(caseIndex);
    }

    public int start() {
        return log.caseStart(caseIndex);
    }

    public int end() {
        return log.caseEnd(caseIndex);
    }

    public int size() {
        return end() - start();
    }

    /** The log row of the i-th event of this case. */
    public int row(int i) {
        return start() + i;
    }

    public Event event(int i) {
        return log.event(row(i));
    }

    public List<Event> events() {
        List<Event> list = new ArrayList<>(size());
        for (int r = start(); r < end(); r++) {
            list.add(log.event(r));
        }
        return List.copyOf(list);
    }
}
