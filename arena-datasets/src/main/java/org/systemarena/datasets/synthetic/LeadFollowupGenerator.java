package org.systemarena.datasets.synthetic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.core.EventLogBuilder.StringField;
import org.systemarena.core.EventType;
import org.systemarena.core.Timestamps;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.datasets.manifest.ManifestLoader;
import org.systemarena.datasets.synthetic.LeadLuck.Arrival;
import org.systemarena.datasets.synthetic.LeadLuck.AtCheck;
import org.systemarena.datasets.synthetic.LeadLuck.AtDecision;

/**
 * Generates the synthetic "lead follow-up" workflow straight into an {@link EventLogBuilder}: no object per event, so
 * millions of events take seconds. Deterministic for a {@link LeadFollowupConfig}, on every JDK.
 *
 * <p>A lead ({@code lead-000001}, ...) starts with {@code entity.created} (payload source, budget, region,
 * company_size). Inbound leads (web form, referral, event) then write in; outbound-list leads get an automatic intro
 * email. A rep decides at every inbound {@code interaction.occurred} and at every {@code timer.elapsed} follow-up
 * check ({@code check=follow_up}) that finds more than two days without contact; the decision is logged shortly after
 * as {@code decision.executed} with payload {@code action} and {@code propensity}, drawn from
 * {@link LeadBehaviourPolicy} (the propensity is the exact probability). Actions change what happens next: calls and
 * escalations of large leads raise the chances of a reply and of a meeting, waiting lowers them, escalating a small
 * lead risks losing it. Outcomes are {@code outcome.recorded} with payload outcome meeting_booked (then possibly
 * converted or lost), lost or went_cold; leads still open after {@code maxChecks} checks end without one. States move
 * new, contacted, qualified, meeting_scheduled, then won or closed ({@code state.changed} old_state/new_state).
 *
 * <p>Within a lead, timestamps (whole seconds) never decrease and events are emitted in time order.
 *
 * <p>Randomness is addressed rather than sequential ({@link LeadLuck}): each draw belongs to the lead's arrival, to its
 * {@code i}-th decision or to its {@code j}-th follow-up check, at a fixed position for its purpose. So
 * {@link LeadResimulator} can re-run a lead with other actions at its decisions and keep every draw the actions do
 * not change (common random numbers), and the log itself is that re-run with the reps' choices.
 */
public final class LeadFollowupGenerator {
    public static final String WORKFLOW_TYPE = "lead_followup";
    /**
     * The version of the data this generator makes: raised whenever a config makes different events than before, so a
     * marker written by an older generator ({@link GeneratorMarker}) is not taken for this one's. 2: addressed draws.
     */
    public static final int VERSION = 2;

    private static final long MINUTE = 60;
    private static final long HOUR = 3600;
    private static final long DAY = 86_400;
    private static final long NONE = Long.MAX_VALUE;

    private static final String[] SOURCES = {"web_form", "referral", "event", "outbound_list"};
    private static final String[] REGIONS = {"na", "emea", "apac", "latam"};
    private static final String[] SIZES = {"small", "mid", "enterprise"};
    private static final long[] BUDGET_LO = {2_000, 8_000, 30_000};
    private static final long[] BUDGET_HI = {20_000, 80_000, 300_000};

    private static final int NO_CHANNEL = -1;
    private static final int EMAIL = 0;
    private static final int PHONE = 1;
    /** How each source first gets in touch: inbound by email or phone, or not at all (outbound list). */
    private static final int[] FIRST_CHANNEL = {EMAIL, EMAIL, PHONE, NO_CHANNEL};

    private static final String[] STATES = {"new", "contacted", "qualified", "meeting_scheduled", "won", "closed"};
    private static final int NEW = 0;
    private static final int CONTACTED = 1;
    private static final int QUALIFIED = 2;
    private static final int MEETING_SCHEDULED = 3;
    private static final int WON = 4;
    private static final int CLOSED = 5;

    private final EventLogBuilder b;
    private final LeadFollowupConfig config;
    private final long baseMicros;
    private final long gapSeconds;
    // Dictionary codes, interned once so the per-event work is array writes (no string hashing).
    private final int[] repCodes;
    private final int created;
    private final int stateChanged;
    private final int interaction;
    private final int decision;
    private final int outcome;
    private final int timer;
    private final int escalation;
    private final int workflow;
    private final int system;
    private final int user;
    private final int contact;
    private final int crm;
    private final int scheduler;
    private final int sequencer;
    private final int manager;
    private final int email;
    private final int phone;
    private final int keySource;
    private final int keyBudget;
    private final int keyRegion;
    private final int keySize;
    private final int keyDirection;
    private final int keyOldState;
    private final int keyNewState;
    private final int keyCheck;
    private final int keyAction;
    private final int keyPropensity;
    private final int keyEscalatedTo;
    private final int keyOutcome;
    private final int inboundValue;
    private final int outboundValue;
    private final int followUpValue;
    private final int salesManagerValue;
    private final int[] sourceValues;
    private final int[] regionValues;
    private final int[] sizeValues;
    private final int[] stateValues;
    private final int[] actionValues;

    // State of the lead being generated: one set of fields reused for every lead.
    private LeadLuck luck;
    private String caseId;
    private int caseCode;
    private String contactId;
    private int contactCode;
    private String accountId;
    private int repCode;
    private long budget;
    private int tier;
    private int status;
    private long now;
    private long lastContact;
    private long nextCheck;
    private long pendingReply;
    private int pendingChannel;
    private int checks;
    private int decisions;
    private int events;
    private boolean madeCall;
    private boolean open;
    // The decision awaiting an action: its trigger (null when none), time and the trigger's position in the lead.
    private DecisionTrigger trigger;
    private long triggerTime;
    private int triggerEvent;
    private int inboundEvent;

    private LeadFollowupGenerator(EventLogBuilder builder, LeadFollowupConfig config) {
        this.b = builder;
        this.config = config;
        this.baseMicros = Timestamps.toMicros(config.start());
        this.gapSeconds = config.arrivalGap().getSeconds();
        this.repCodes = new int[config.reps()];
        for (int i = 0; i < repCodes.length; i++) {
            repCodes[i] = b.intern(StringField.ACTOR_ID, "rep-" + pad(i + 1, 2));
        }
        created = b.internEventType(EventType.ENTITY_CREATED.name());
        stateChanged = b.internEventType(EventType.STATE_CHANGED.name());
        interaction = b.internEventType(EventType.INTERACTION_OCCURRED.name());
        decision = b.internEventType(EventType.DECISION_EXECUTED.name());
        outcome = b.internEventType(EventType.OUTCOME_RECORDED.name());
        timer = b.internEventType(EventType.TIMER_ELAPSED.name());
        escalation = b.internEventType(EventType.ESCALATION_TRIGGERED.name());
        workflow = b.intern(StringField.WORKFLOW_TYPE, WORKFLOW_TYPE);
        system = b.intern(StringField.ACTOR_TYPE, "system");
        user = b.intern(StringField.ACTOR_TYPE, "user");
        contact = b.intern(StringField.ACTOR_TYPE, "contact");
        crm = b.intern(StringField.ACTOR_ID, "crm");
        scheduler = b.intern(StringField.ACTOR_ID, "scheduler");
        sequencer = b.intern(StringField.ACTOR_ID, "sequencer");
        manager = b.intern(StringField.ACTOR_ID, "manager-01");
        email = b.intern(StringField.CHANNEL, "email");
        phone = b.intern(StringField.CHANNEL, "phone");
        keySource = b.internPayloadKey("source");
        keyBudget = b.internPayloadKey("budget");
        keyRegion = b.internPayloadKey("region");
        keySize = b.internPayloadKey("company_size");
        keyDirection = b.internPayloadKey("direction");
        keyOldState = b.internPayloadKey("old_state");
        keyNewState = b.internPayloadKey("new_state");
        keyCheck = b.internPayloadKey("check");
        keyAction = b.internPayloadKey("action");
        keyPropensity = b.internPayloadKey("propensity");
        keyEscalatedTo = b.internPayloadKey("escalated_to");
        keyOutcome = b.internPayloadKey("outcome");
        inboundValue = b.internAttributeString("inbound");
        outboundValue = b.internAttributeString("outbound");
        followUpValue = b.internAttributeString("follow_up");
        salesManagerValue = b.internAttributeString("sales_manager");
        sourceValues = internAll(SOURCES);
        regionValues = internAll(REGIONS);
        sizeValues = internAll(SIZES);
        stateValues = internAll(STATES);
        actionValues = new int[LeadAction.values().length];
        for (LeadAction a : LeadAction.values()) {
            actionValues[a.ordinal()] = b.internAttributeString(a.id());
        }
    }

    private int[] internAll(String[] values) {
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            codes[i] = b.internAttributeString(values[i]);
        }
        return codes;
    }

    /** A new log with the configured leads. */
    public static EventLog generate(LeadFollowupConfig config) {
        EventLogBuilder builder = EventLog.builder();
        generateInto(builder, config);
        return builder.build();
    }

    /** Appends the configured leads to {@code builder} (stopping early at {@code config.maxEvents()} events). */
    public static void generateInto(EventLogBuilder builder, LeadFollowupConfig config) {
        LeadFollowupGenerator g = new LeadFollowupGenerator(builder, config);
        for (int k = 0; k < config.cases() && builder.size() < config.maxEvents(); k++) {
            g.startLead(k);
            while (g.advance()) {
                g.act(g.repChoice());
            }
        }
    }

    /**
     * How many leads {@link #generate} makes for {@code config}: {@code config.cases()}, fewer when
     * {@code maxEvents} stops it early.
     */
    public static int leadCount(LeadFollowupConfig config) {
        return config.maxEvents() == Long.MAX_VALUE ? config.cases() : generate(config).caseCount();
    }

    /**
     * The workflow manifest of the generator's logs (the bundled example's {@code manifest.yaml}): its decision
     * points are where the generator's reps decide, and its outcomes the generator's outcomes.
     */
    public static Manifest manifest() {
        String name = "lead-followup-manifest.yaml";
        try (InputStream in = LeadFollowupGenerator.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing beside " + LeadFollowupGenerator.class.getName());
            }
            return ManifestLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "classpath:org/systemarena/datasets/synthetic/" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LeadFollowupGenerator into(EventLogBuilder builder, LeadFollowupConfig config) {
        return new LeadFollowupGenerator(builder, config);
    }

    /** Begins lead {@code k}: its attributes, its creation and first contact, up to its first decision or check. */
    void startLead(int k) {
        luck = new LeadLuck(config.seed(), k);
        caseId = "lead-" + pad(k + 1, 6);
        caseCode = b.internCaseId(caseId);
        contactId = "contact-" + pad(k + 1, 6);
        contactCode = b.intern(StringField.ACTOR_ID, contactId);
        boolean sharesAccount = k > 0 && luck.arrival(Arrival.SHARES_ACCOUNT) < 0.25;
        accountId = "acct-" + pad((sharesAccount ? LeadLuck.below(luck.arrival(Arrival.EARLIER_ACCOUNT), k) : k) + 1,
                6);
        repCode = repCodes[LeadLuck.below(luck.arrival(Arrival.REP), repCodes.length)];
        long t0 = k * gapSeconds + LeadLuck.between(luck.arrival(Arrival.ARRIVAL_TIME), 0, gapSeconds - 1);
        double u = luck.arrival(Arrival.SOURCE);
        int source = u < 0.40 ? 0 : u < 0.55 ? 1 : u < 0.70 ? 2 : 3;
        int region = LeadLuck.below(luck.arrival(Arrival.REGION), REGIONS.length);
        u = luck.arrival(Arrival.SIZE);
        int size = u < 0.45 ? 0 : u < 0.80 ? 1 : 2;
        // Log-uniform within the size band; StrictMath so the value is the same on every platform.
        double ratio = (double) BUDGET_HI[size] / BUDGET_LO[size];
        budget = Math.round(BUDGET_LO[size] * StrictMath.pow(ratio, luck.arrival(Arrival.BUDGET)) / 100.0) * 100;
        tier = budget < LeadBehaviourPolicy.SMALL_BUDGET ? 0 : budget < LeadBehaviourPolicy.LARGE_BUDGET ? 1 : 2;
        status = NEW;
        now = t0;
        lastContact = NONE;
        pendingReply = NONE;
        pendingChannel = NO_CHANNEL;
        checks = 0;
        decisions = 0;
        events = 0;
        madeCall = false;
        open = true;
        trigger = null;

        begin(t0, created, system, crm);
        b.payloadStringCode(keySource, sourceValues[source]).payloadLong(keyBudget, budget)
                .payloadStringCode(keyRegion, regionValues[region]).payloadStringCode(keySize, sizeValues[size]);
        b.objectRef("contact", contactId, "primary").objectRef("account", accountId, null);

        double firstContact = luck.arrival(Arrival.FIRST_CONTACT_DELAY);
        if (FIRST_CHANNEL[source] != NO_CHANNEL) {
            long t = t0 + LeadLuck.between(firstContact, 30, 10 * MINUTE);
            inbound(t, FIRST_CHANNEL[source]);
            await(DecisionTrigger.INBOUND_INTERACTION, t);
        } else {
            outboundInteraction(t0 + LeadLuck.between(firstContact, MINUTE, 10 * MINUTE), EMAIL, system, sequencer);
            nextCheck = now + LeadLuck.between(luck.arrival(Arrival.FIRST_CHECK_DELAY), DAY, 3 * DAY);
        }
    }

    /**
     * Runs the lead on to its next decision (true: its trigger is written and {@link #act} must follow) or to its end
     * (false: an outcome, or left open after {@code maxChecks} checks).
     */
    boolean advance() {
        while (trigger == null && open) {
            if (pendingReply < nextCheck) {
                long t = pendingReply;
                pendingReply = NONE;
                inbound(t, pendingChannel);
                await(DecisionTrigger.INBOUND_INTERACTION, t);
                break;
            }
            if (checks >= config.maxChecks()) {
                open = false; // left open: no outcome
                break;
            }
            long t = nextCheck;
            double days = daysSinceContact(t);
            if (days > 14 && luck.check(checks, AtCheck.GOES_COLD) < 0.4) {
                outcomeEvent(t, "went_cold", system, crm);
                changeState(t + 1, CLOSED, system, crm);
                open = false;
                break;
            }
            int check = checks++;
            begin(t, timer, system, scheduler);
            b.payloadStringCode(keyCheck, followUpValue);
            if (days > 2) {
                await(DecisionTrigger.FOLLOW_UP_CHECK, t);
            } else {
                nextCheck = t + LeadLuck.between(luck.check(check, AtCheck.NEXT_CHECK_DELAY), DAY, 3 * DAY);
            }
        }
        return trigger != null;
    }

    /** The decision awaiting an action was triggered by the event just written (or one before its state change). */
    private void await(DecisionTrigger what, long t) {
        trigger = what;
        triggerTime = t;
        triggerEvent = what == DecisionTrigger.INBOUND_INTERACTION ? inboundEvent : events - 1;
    }

    /** What the reps would do at the awaiting decision: the behaviour policy, drawn from this decision's uniform. */
    LeadAction repChoice() {
        return LeadBehaviourPolicy.sample(LeadBehaviourPolicy.row(trigger, daysSinceContact(triggerTime), budget),
                luck.decision(decisions, AtDecision.REP_CHOICE));
    }

    /** Where the lead is: at its awaiting decision, or ended. */
    LeadStop stop(int lead) {
        if (trigger == null) {
            return LeadStop.ended(lead, caseId, decisions, events, budget);
        }
        return LeadStop.at(lead, caseId, decisions, events, trigger, triggerEvent, daysSinceContact(triggerTime),
                budget);
    }

    private double daysSinceContact(long t) {
        return Timestamps.daysBetween(micros(lastContact), micros(t));
    }

    /** The rep takes {@code action} at the awaiting decision; the lead reacts. */
    void act(LeadAction action) {
        if (trigger == null) {
            throw new IllegalStateException("no decision awaits an action in " + caseId);
        }
        boolean inbound = trigger == DecisionTrigger.INBOUND_INTERACTION;
        long t = triggerTime;
        double days = daysSinceContact(t);
        double[] p = LeadBehaviourPolicy.row(trigger, days, budget);
        int d = decisions++;
        trigger = null;
        double decisionDelay = luck.decision(d, AtDecision.DECISION_DELAY);
        begin(t + (inbound ? LeadLuck.between(decisionDelay, 5 * MINUTE, 2 * HOUR)
                : LeadLuck.between(decisionDelay, MINUTE, 30 * MINUTE)), decision, user, repCode);
        b.payloadStringCode(keyAction, actionValues[action.ordinal()]).payloadDouble(keyPropensity,
                p[action.ordinal()]);
        double contactDelay = luck.decision(d, AtDecision.CONTACT_DELAY);
        switch (action) {
            case SEND_EMAIL:
                outboundInteraction(now + LeadLuck.between(contactDelay, 10, 5 * MINUTE), EMAIL, user, repCode);
                break;
            case MAKE_CALL:
                madeCall = true;
                outboundInteraction(now + LeadLuck.between(contactDelay, MINUTE, 20 * MINUTE), PHONE, user, repCode);
                break;
            case ESCALATE:
                begin(now + LeadLuck.between(contactDelay, 10, 5 * MINUTE), escalation, user, repCode);
                b.payloadStringCode(keyEscalatedTo, salesManagerValue);
                outboundInteraction(now + LeadLuck.between(luck.decision(d, AtDecision.MANAGER_CALL_DELAY),
                        30 * MINUTE, 4 * HOUR), PHONE, user, manager);
                break;
            case WAIT:
            default:
                break;
        }
        double engaged = inbound ? 1.5 : 1.0;
        if (status == QUALIFIED && luck.decision(d, AtDecision.MEETING)
                < Math.min(0.9, meetingChance(action) * engaged)) {
            meeting(d, now + LeadLuck.between(luck.decision(d, AtDecision.MEETING_DELAY), 2 * HOUR, 2 * DAY));
            return;
        }
        if (luck.decision(d, AtDecision.LOST) < lostChance(action, inbound)) {
            outcomeEvent(now + LeadLuck.between(luck.decision(d, AtDecision.LOST_DELAY), 12 * HOUR, 3 * DAY), "lost",
                    user, repCode);
            changeState(now + 1, CLOSED, user, repCode);
            open = false;
            return;
        }
        double staleness = days <= 5 ? 1.0 : days <= 10 ? 0.7 : 0.45;
        if (luck.decision(d, AtDecision.REPLY) < Math.min(0.9, replyChance(action) * staleness * engaged)) {
            boolean byPhone = action == LeadAction.MAKE_CALL || action == LeadAction.ESCALATE;
            double replyDelay = luck.decision(d, AtDecision.REPLY_DELAY);
            long reply = now + (byPhone ? LeadLuck.between(replyDelay, HOUR, DAY)
                    : LeadLuck.between(replyDelay, 2 * HOUR, 60 * HOUR));
            // An earlier pending reply still comes, but never before what the rep just did.
            if (pendingReply == NONE || reply < Math.max(pendingReply, now + MINUTE)) {
                pendingReply = reply;
                pendingChannel = byPhone ? PHONE : EMAIL;
            }
        }
        if (pendingReply != NONE && pendingReply <= now) {
            pendingReply = now + MINUTE;
        }
        // Waiting means checking back later.
        double nextCheckDelay = luck.decision(d, AtDecision.NEXT_CHECK_DELAY);
        nextCheck = now + (action == LeadAction.WAIT ? LeadLuck.between(nextCheckDelay, 3 * DAY, 7 * DAY)
                : LeadLuck.between(nextCheckDelay, DAY, 4 * DAY));
    }

    private double meetingChance(LeadAction action) {
        switch (action) {
            case SEND_EMAIL:
                return 0.20;
            case MAKE_CALL:
                return 0.40;
            case ESCALATE:
                return tier == 2 ? 0.40 : 0.10;
            case WAIT:
            default:
                return 0.03;
        }
    }

    private double lostChance(LeadAction action, boolean inbound) {
        double p = 0.02;
        if (action == LeadAction.ESCALATE && tier == 0) {
            p += 0.15;
        }
        if (action == LeadAction.WAIT && inbound) {
            p += 0.06;
        }
        return p;
    }

    private double replyChance(LeadAction action) {
        switch (action) {
            case SEND_EMAIL:
                return 0.22;
            case MAKE_CALL:
                return 0.38;
            case ESCALATE:
                return tier == 2 ? 0.40 : tier == 1 ? 0.25 : 0.12;
            case WAIT:
            default:
                return 0.06;
        }
    }

    private void meeting(int d, long t) {
        outcomeEvent(t, "meeting_booked", user, repCode);
        changeState(t + 1, MEETING_SCHEDULED, user, repCode);
        double convert = (tier == 0 ? 0.35 : tier == 1 ? 0.45 : 0.55) + (madeCall ? 0.10 : 0.0);
        double u = luck.decision(d, AtDecision.CONVERSION);
        long later = now + LeadLuck.between(luck.decision(d, AtDecision.CONVERSION_DELAY), 3 * DAY, 21 * DAY);
        if (u < convert) {
            outcomeEvent(later, "converted", user, repCode);
            changeState(later + 1, WON, user, repCode);
        } else if (u < convert + (1 - convert) * 0.45) {
            outcomeEvent(later, "lost", user, repCode);
            changeState(later + 1, CLOSED, user, repCode);
        }
        open = false;
    }

    private void inbound(long t, int channel) {
        inboundEvent = events;
        begin(t, interaction, contact, contactCode);
        b.stringCode(StringField.CHANNEL, channel == PHONE ? phone : email).payloadStringCode(keyDirection, inboundValue)
                .objectRef("contact", contactId, "primary");
        lastContact = t;
        if (status == CONTACTED) {
            changeState(t + 1, QUALIFIED, user, repCode);
        }
    }

    private void outboundInteraction(long t, int channel, int actorType, int actorId) {
        begin(t, interaction, actorType, actorId);
        b.stringCode(StringField.CHANNEL, channel == PHONE ? phone : email)
                .payloadStringCode(keyDirection, outboundValue).objectRef("contact", contactId, "primary");
        lastContact = t;
        if (status == NEW) {
            changeState(t + 1, CONTACTED, actorType, actorId);
        }
    }

    private void outcomeEvent(long t, String value, int actorType, int actorId) {
        begin(t, outcome, actorType, actorId);
        b.payloadStringCode(keyOutcome, b.internAttributeString(value)).objectRef("account", accountId, null);
    }

    private void changeState(long t, int newState, int actorType, int actorId) {
        begin(t, stateChanged, actorType, actorId);
        b.payloadStringCode(keyOldState, stateValues[status]).payloadStringCode(keyNewState, stateValues[newState]);
        status = newState;
    }

    private void begin(long t, int typeCode, int actorType, int actorId) {
        if (t < now) {
            throw new IllegalStateException("generator bug: time goes back in " + caseId + " (" + t + " < " + now + ")");
        }
        now = t;
        events++;
        b.startEventForCase(caseCode, micros(t)).eventTypeCode(typeCode).stringCode(StringField.WORKFLOW_TYPE, workflow)
                .stringCode(StringField.ACTOR_TYPE, actorType).stringCode(StringField.ACTOR_ID, actorId);
    }

    private long micros(long secondsFromStart) {
        return baseMicros + secondsFromStart * 1_000_000L;
    }

    static String pad(int value, int width) {
        String s = Integer.toString(value);
        if (s.length() >= width) {
            return s;
        }
        StringBuilder sb = new StringBuilder(width);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s).toString();
    }
}
