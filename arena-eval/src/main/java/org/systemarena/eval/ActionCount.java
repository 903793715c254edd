package org.systemarena.eval;

/** How often a policy decided an action; {@code share} is of its valid decisions ({@code NaN} when none). */
public record ActionCount(String action, long count, double share) {
}
