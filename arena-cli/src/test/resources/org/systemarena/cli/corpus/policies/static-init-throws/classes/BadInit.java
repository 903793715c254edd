import java.util.List;
import org.systemarena.core.Action;
import org.systemarena.core.CaseSnapshot;
import org.systemarena.policy.Decision;
import org.systemarena.policy.Policy;

public class BadInit implements Policy {
    static final String MODEL = model();
    static String model() { throw new IllegalStateException("model file missing"); }

    @Override
    public String name() {
        return "BadInit";
    }

    @Override
    public Decision decide(CaseSnapshot snapshot, List<Action> allowedActions) {
        return Decision.of("wait");
    }
}
