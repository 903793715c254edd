package org.systemarena.core.manifest;

/** The category of an outcome name per the manifest's lists; {@code UNKNOWN} when no outcome was found. */
public enum OutcomeCategory {
    POSITIVE, NEGATIVE, NEUTRAL, UNKNOWN
}
