package org.systemarena.datasets.synthetic;

import java.util.List;
import java.util.Objects;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;

/**
 * Re-simulates leads of a {@link LeadFollowupConfig} with chosen actions: lead {@code k} with the actions the reps
 * logged is exactly lead {@code k} of {@link LeadFollowupGenerator#generate}, and with other actions it keeps all the
 * luck those actions do not change (see {@link LeadLuck}). A path is given as its actions so far; the simulation stops
 * at the next decision (its trigger written) or at the lead's end, which is how a caller asks a policy one decision at
 * a time without the generator calling back into it.
 *
 * <p>Writes into one builder, which may hold other leads (not two paths of the same lead: they share a case id).
 * Not thread-safe.
 */
public final class LeadResimulator {
    private final LeadFollowupGenerator generator;

    private LeadResimulator(LeadFollowupGenerator generator) {
        this.generator = generator;
    }

    /** A simulator writing into {@code builder}; the generator's dictionary codes are interned there once. */
    public static LeadResimulator into(EventLogBuilder builder, LeadFollowupConfig config) {
        return new LeadResimulator(LeadFollowupGenerator.into(Objects.requireNonNull(builder, "builder"),
                Objects.requireNonNull(config, "config")));
    }

    /** Lead {@code lead} under {@code actions}, as a log of its own (see {@link #run}). */
    public static Simulated lead(LeadFollowupConfig config, int lead, List<LeadAction> actions) {
        EventLogBuilder builder = EventLog.builder();
        LeadStop stop = into(builder, config).run(lead, actions);
        return new Simulated(builder.build(), stop);
    }

    /** A lead simulated on its own: its events so far and where it stopped. */
    public record Simulated(EventLog log, LeadStop stop) {
    }

    /**
     * Writes lead {@code lead} (0-based), taking {@code actions.get(i)} at its {@code i}-th decision, until the
     * decision after the last action (returned awaiting; its trigger is written, not its decision) or the lead's end.
     *
     * @throws IllegalArgumentException when the lead ends before every action is taken
     */
    public LeadStop run(int lead, List<LeadAction> actions) {
        if (lead < 0) {
            throw new IllegalArgumentException("lead index must be >= 0, got " + lead);
        }
        generator.startLead(lead);
        for (int i = 0; ; i++) {
            if (!generator.advance()) {
                LeadStop end = generator.stop(lead);
                if (i < actions.size()) {
                    throw new IllegalArgumentException(end.caseId() + " ended after " + i + " decisions, but "
                            + actions.size() + " actions were given");
                }
                return end;
            }
            if (i == actions.size()) {
                return generator.stop(lead);
            }
            generator.act(Objects.requireNonNull(actions.get(i), "action"));
        }
    }
}
