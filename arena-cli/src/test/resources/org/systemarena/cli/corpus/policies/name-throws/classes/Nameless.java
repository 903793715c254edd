import java.util.List;
import org.systemarena.core.Action;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.policy.Decision;
import org.systemarena.policy.Policy;

public class Nameless implements Policy {

    @Override
    public String name() {
        throw new UnsupportedOperationException("no name yet");
    }

    @Override
    public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
        return Decision.of("wait");
    }
}
