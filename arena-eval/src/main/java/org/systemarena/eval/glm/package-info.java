/**
 * Penalised generalised linear models shared by the behaviour model ({@code behaviour}) and the outcome models of
 * the model-based estimators ({@code model}): the feature encoding ({@link org.systemarena.eval.glm.Encoder},
 * {@link org.systemarena.eval.glm.FeatureScreen}), the design matrix, the Newton solver
 * ({@link org.systemarena.eval.glm.MultinomialLogit}) and the cross-fitting folds.
 *
 * <p>Internal to arena-eval: public only so that both packages can use it, with no compatibility promise. Arrays
 * are shared, not copied, because these are the fits' hot paths. The snapshot feature columns it encodes keep their
 * home in {@code behaviour}, whose public API they are.
 */
package org.systemarena.eval.glm;
