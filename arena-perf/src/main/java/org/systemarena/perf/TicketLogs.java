package org.systemarena.perf;

import java.util.SplittableRandom;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;

/**
 * A support-ticket log shaped like the ones users bring, unlike the lead generator's: case ids that do not sort in
 * time order, 20 variants of 4-12 activities with a long tail, and 3-4 object references on every event (the
 * ticket, a customer, an agent, sometimes an order), an actor and a few payload values. About 7.5 events per case,
 * so 1M events is about 134k cases.
 */
final class TicketLogs {
    private static final String[] STEPS = {"ticket.opened", "ticket.triaged", "agent.assigned", "customer.replied",
        "agent.replied", "ticket.escalated", "refund.issued", "ticket.reopened", "survey.sent", "ticket.closed"};
    /** Variants as indexes into STEPS; the first ones are the common paths. */
    private static final int[][] VARIANTS = {
        {0, 1, 2, 4, 9}, {0, 1, 2, 4, 3, 4, 9}, {0, 1, 2, 4, 3, 4, 8, 9}, {0, 1, 2, 5, 2, 4, 9},
        {0, 1, 2, 4, 3, 4, 3, 4, 9}, {0, 1, 2, 4, 9, 7, 4, 9}, {0, 1, 2, 6, 9}, {0, 1, 2, 4, 6, 9},
        {0, 2, 4, 9}, {0, 1, 2, 5, 2, 6, 9}, {0, 1, 2, 4, 3, 5, 2, 4, 9}, {0, 1, 2, 4, 8, 9},
        {0, 1, 2, 4, 3, 4, 3, 4, 3, 4, 9}, {0, 1, 2, 4, 9, 7, 5, 2, 4, 9}, {0, 1, 4, 9}, {0, 1, 2, 3, 4, 9},
        {0, 1, 2, 4, 3, 6, 9}, {0, 1, 2, 5, 2, 4, 3, 4, 8, 9}, {0, 1, 2, 4, 9, 7, 4, 3, 4, 8, 9}, {0, 9}};
    private static final String[] TIERS = {"free", "pro", "enterprise"};
    private static final double HARMONIC = harmonic();

    private TicketLogs() {
    }

    /** About {@code events} events (whole cases), the same for the same arguments. */
    static EventLog generate(long events, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        EventLogBuilder b = EventLog.builder((int) Math.min(Integer.MAX_VALUE - 16, events + 16));
        long start = 1_704_067_200_000_000L; // 2024-01-01T00:00:00Z
        long written = 0;
        int ticket = 0;
        while (written < events) {
            int[] variant = VARIANTS[pick(random)];
            // Ticket numbers are drawn, not counted, so case-id order is not time order.
            String caseId = String.format("TCK-%07d", random.nextInt(10_000_000));
            String customer = "C-" + random.nextInt(40_000);
            String agent = "A-" + random.nextInt(300);
            String order = random.nextInt(3) == 0 ? "O-" + random.nextInt(200_000) : null;
            long t = start + (long) ticket * 190_000_000L + random.nextLong(60_000_000L);
            for (int step : variant) {
                t += 60_000_000L + random.nextLong(6L * 3_600_000_000L);
                b.startEvent(caseId + "-" + ticket, t).eventType(STEPS[step]).activity(STEPS[step])
                        .actor(step == 3 ? "customer" : "agent", step == 3 ? customer : agent, null)
                        .objectRef("ticket", caseId, "subject").objectRef("customer", customer, "requester")
                        .objectRef("agent", agent, "owner");
                if (order != null) {
                    b.objectRef("order", order, "about");
                }
                b.payloadString("tier", TIERS[random.nextInt(TIERS.length)])
                        .payloadLong("priority", 1 + random.nextInt(4))
                        .payloadDouble("sentiment", Math.round(random.nextDouble(-1, 1) * 1000) / 1000.0);
                written++;
            }
            ticket++;
        }
        return b.build();
    }

    /** A variant index, the first ones most likely (a Zipf-like tail). */
    private static int pick(SplittableRandom random) {
        double u = random.nextDouble() * HARMONIC;
        for (int v = 0; v < VARIANTS.length; v++) {
            u -= 1.0 / (v + 1);
            if (u < 0) {
                return v;
            }
        }
        return VARIANTS.length - 1;
    }

    private static double harmonic() {
        double h = 0;
        for (int v = 0; v < VARIANTS.length; v++) {
            h += 1.0 / (v + 1);
        }
        return h;
    }
}
