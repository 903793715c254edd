package org.systemarena.eval.model;

import java.util.Objects;

/** Something about a model-based estimate worth a reader's caution: a code to act on and a sentence with figures. */
public record ModelWarning(Code code, String message) {
    public enum Code {
        /** Cases left out under the importance-sampling rules (no logged action, no or an invalid propensity). */
        EXCLUDED_CASES,
        /** The target puts probability on actions the log never took at that rule. */
        NOT_MODELLED,
        /** The target puts probability on actions modelled from few decisions. */
        MODEL_EXTRAPOLATED,
        /** The outcome model failed its held-out check: its estimates are not to be used. */
        MODEL_CHECK_FAILED,
        /** A fold's fitted-Q targets had not settled at the iteration cap. */
        NOT_CONVERGED,
        /** The weights' ESS at the last step is below 30: the corrections rest on few cases, DR leans on the model. */
        SMALL_EFFECTIVE_SAMPLE,
        /** Resamples where an estimate is undefined (no used case drawn); they count against its interval. */
        UNDEFINED_RESAMPLES,
        /** A comparison's two sides used different cases. */
        UNPAIRED_CASES
    }

    public ModelWarning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
