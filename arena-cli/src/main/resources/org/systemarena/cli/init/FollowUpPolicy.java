import java.util.List;
import java.util.Map;
import org.systemarena.core.Action;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.policy.Decision;
import org.systemarena.policy.Policy;

/**
 * Calls leads with a large budget that have gone quiet and emails everyone else. The score (the priority used for
 * Precision@K) is the number of days since the last contact, so the quietest leads rank first.
 */
public final class FollowUpPolicy implements Policy {
    @Override
    public String name() {
        return "follow-up";
    }

    @Override
    public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
        Double days = snapshot.getDouble("days_since_last_contact");
        Double budget = snapshot.getDouble("budget");
        double priority = days == null ? 0 : days;
        if (days != null && days > 3 && budget != null && budget >= 50_000) {
            return Decision.of("make_call").withScore(priority)
                    .withReasoning("budget " + budget + ", quiet for " + days + " days");
        }
        return Decision.of("send_email").withParams(Map.of("template", "gentle_nudge")).withScore(priority)
                .withReasoning("default nudge");
    }
}
