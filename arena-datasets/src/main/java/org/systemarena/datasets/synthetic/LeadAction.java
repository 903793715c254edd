package org.systemarena.datasets.synthetic;

/** What a rep can do at a lead follow-up decision; {@link #id()} is the logged {@code action} value. */
public enum LeadAction {
    SEND_EMAIL("send_email"),
    MAKE_CALL("make_call"),
    WAIT("wait"),
    ESCALATE("escalate");

    private final String id;

    LeadAction(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static LeadAction of(String id) {
        for (LeadAction a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown lead action '" + id + "', expected one of send_email, make_call,"
                + " wait, escalate");
    }
}
