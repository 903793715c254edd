/**
 * Model-based conversion estimates of target policies: the direct method by fitted-Q evaluation, per-decision doubly
 * robust and weighted doubly robust, cross-fitted by case, with bootstrap intervals paired with the importance-sampling
 * ones ({@link org.systemarena.eval.model.ModelBasedEstimator}; docs/metrics.md, section 9).
 */
package org.systemarena.eval.model;
