package org.systemarena.eval;

/** One policy's decisions at one decision-point rule: points reached, valid decisions, decisions voided by errors. */
public record RuleDecisions(String rule, long decisionPoints, long valid, long failed) {
}
