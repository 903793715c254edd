package org.systemarena.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.systemarena.policy.Policy;

/**
 * Runs a workflow once for the test class (as {@code arena run} would, docs/cli.md) and lets its test methods take
 * the result as parameters: {@link org.systemarena.run.RunResult}, {@link org.systemarena.eval.Evaluation},
 * {@link org.systemarena.datasets.Workflow}, {@link org.systemarena.core.manifest.Manifest} and
 * {@code List<BenchmarkResult>} (the replay of each policy, candidates first).
 *
 * <p>A relative path is looked up in the working directory (Maven's: the module's folder), then in its parents, so
 * the same test runs from the module, the build's root or an IDE. For a path computed at run time, register
 * {@link ArenaExtension#forWorkflow} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ArenaExtension.class)
public @interface ArenaWorkflow {
    /** The workflow folder (manifest.yaml and data/). */
    String value();

    /**
     * The candidates, as specifications (docs/cli.md "Choosing policies": {@code com.example.MyPolicy},
     * {@code rules:policies/mine.yaml}, {@code threshold:field=...}); with {@link #policyClasses}, these come first.
     */
    String[] policies() default {};

    /** Candidates by class: public classes implementing {@link Policy} with a public no-argument constructor. */
    Class<? extends Policy>[] policyClasses() default {};

    /** The baselines' specifications; empty: the defaults of {@code arena run} (random and historical). */
    String[] baselines() default {};

    /** The bootstrap's seed (and a random policy's when its specification has none). */
    long seed() default 42;

    /** Replay and bootstrap threads; results are the same for any value. */
    int threads() default 1;
}
