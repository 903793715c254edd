package org.systemarena.eval.simulation;

/** Where a lead came from: fixed per case, visible to policies as the categorical feature {@code source}. */
public enum LeadSource {
    WEB("web"),
    REFERRAL("referral"),
    EVENT("event");

    private final String label;

    LeadSource(String label) {
        this.label = label;
    }

    /** The feature value as a log would carry it. */
    public String label() {
        return label;
    }
}
