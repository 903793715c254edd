import java.util.List;
import org.systemarena.core.Action;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.policy.Decision;
import org.systemarena.policy.Policy;

public class Orphan implements Policy {

    @Override
    public String name() {
        return Helper.name();
    }

    @Override
    public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
        return Decision.of("wait");
    }
}
