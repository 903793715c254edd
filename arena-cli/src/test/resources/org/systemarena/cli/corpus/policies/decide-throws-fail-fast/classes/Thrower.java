import java.util.List;
import org.systemarena.core.Action;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.policy.Decision;
import org.systemarena.policy.Policy;

public class Thrower implements Policy {

    @Override
    public String name() {
        return "Thrower";
    }

    @Override
    public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
        throw new IllegalStateException("no budget");
    }
}
