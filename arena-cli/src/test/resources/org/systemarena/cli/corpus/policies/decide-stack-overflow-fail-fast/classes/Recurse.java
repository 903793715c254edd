import java.util.List;
import org.systemarena.core.Action;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.policy.Decision;
import org.systemarena.policy.Policy;

public class Recurse implements Policy {
    int depth(int n) { return depth(n + 1) + 1; }

    @Override
    public String name() {
        return "Recurse";
    }

    @Override
    public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
        return Decision.of("wait" + depth(0));
    }
}
