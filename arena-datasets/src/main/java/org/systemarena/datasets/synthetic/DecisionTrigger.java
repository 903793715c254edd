package org.systemarena.datasets.synthetic;

/** What prompted a rep's decision in the lead follow-up workflow. */
public enum DecisionTrigger {
    /** A {@code timer.elapsed} follow-up check found no contact for more than two days. */
    FOLLOW_UP_CHECK,
    /** The lead wrote or called in ({@code interaction.occurred}, direction inbound). */
    INBOUND_INTERACTION
}
