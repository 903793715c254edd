package org.systemarena.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.systemarena.core.Action;
import org.systemarena.core.ArenaException;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.policy.Decision;
import org.systemarena.policy.Policy;

/**
 * Whatever a policy throws is its decision point's error and the run goes on (with or without a time-out, which runs
 * the policy on another thread), except the JVM errors after which nothing can be trusted; a name() that throws is
 * one error naming the policy's class.
 */
class UserCodeFailuresTest {
    private static Policy throwing(Supplier<Throwable> t) {
        return new Policy() {
            @Override
            public String name() {
                return "thrower";
            }

            @Override
            public Decision decide(CaseSnapshot s, List<Action> allowed) {
                Throwable e = t.get();
                if (e instanceof RuntimeException r) {
                    throw r;
                }
                throw (Error) e;
            }
        };
    }

    private static Supplier<Throwable> kind(String name) {
        return switch (name) {
            case "assertion" -> () -> new AssertionError("expected 3 actions");
            case "linkage" -> () -> new NoClassDefFoundError("com/acme/Model");
            case "initializer" -> () -> new ExceptionInInitializerError("static model");
            case "stack" -> () -> new StackOverflowError();
            case "runtime" -> () -> new IllegalStateException("model offline");
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"assertion", "linkage", "initializer", "stack", "runtime"})
    void everyNonFatalThrowableIsTheDecisionPointsError(String name) {
        for (BenchmarkConfig config : List.of(BenchmarkConfig.defaults(),
                BenchmarkConfig.builder().decisionTimeout(Duration.ofSeconds(5)).build())) {
            BenchmarkResult r = BenchmarkRunner.of(ReplayFixture.manifest(), ReplayFixture.log(), config)
                    .run(throwing(kind(name)));
            assertThat(r.decisionPoints()).isEqualTo(6);
            assertThat(r.failedDecisions()).isEqualTo(6);
            assertThat(Counts.errorsByKind(r)).containsOnlyKeys(DecisionError.Kind.EXCEPTION);
            String message = r.traces().get(0).errors().get(0).message();
            Throwable t = kind(name).get();
            assertThat(message).isEqualTo(t.getClass().getSimpleName()
                    + (t.getMessage() == null ? "" : ": " + t.getMessage()));
        }
    }

    @Test
    void outOfMemoryStopsTheRun() {
        BenchmarkRunner runner = BenchmarkRunner.of(ReplayFixture.manifest(), ReplayFixture.log());
        assertThatThrownBy(() -> runner.run(throwing(() -> new OutOfMemoryError("test")))).isInstanceOf(
                OutOfMemoryError.class);
    }

    @Test
    void aNameThatThrowsOrIsBlankIsOneErrorNamingTheClass() {
        Policy broken = new Policy() {
            @Override
            public String name() {
                throw new UnsupportedOperationException("no name yet");
            }

            @Override
            public Decision decide(CaseSnapshot s, List<Action> allowed) {
                return Decision.of("wait");
            }
        };
        BenchmarkRunner runner = BenchmarkRunner.of(ReplayFixture.manifest(), ReplayFixture.log());
        assertThatThrownBy(() -> runner.run(broken)).isInstanceOf(ArenaException.class)
                .hasMessage("policy class '" + broken.getClass().getName() + "': name() threw"
                        + " UnsupportedOperationException: no name yet");
        Policy blank = new Policy() {
            @Override
            public String name() {
                return " ";
            }

            @Override
            public Decision decide(CaseSnapshot s, List<Action> allowed) {
                return Decision.of("wait");
            }
        };
        assertThatThrownBy(() -> runner.run(blank)).isInstanceOf(ArenaException.class)
                .hasMessageEndingWith(": name() gave a blank name; a policy needs a name for its results");
    }
}
