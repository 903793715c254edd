package org.systemarena.run.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.core.ArenaException;
import org.systemarena.core.ExampleDir;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.Workflow;
import org.systemarena.policy.ConstantPolicy;
import org.systemarena.policy.RuleBasedPolicy;

/** Specifications become policies with what a run records of them; a new form is one {@link SpecKind}. */
class PolicySpecsTest {
    private static final Workflow WORKFLOW = Datasets.loadWorkflow(ExampleDir.DIR);
    private static final PolicySpecs SPECS = PolicySpecs.of(WORKFLOW.manifest(), WORKFLOW.log()).withSeed(9);

    @TempDir
    Path dir;

    @Test
    void optionsParse() {
        assertThat(PolicySpecs.options("s", "field=x, threshold=3,above=a")).containsExactly(Map.entry("field", "x"),
                Map.entry("threshold", "3"), Map.entry("above", "a"));
        assertThat(PolicySpecs.options("s", "")).isEmpty();
        assertThatThrownBy(() -> PolicySpecs.options("t:a=1,a=2", "a=1,a=2")).isInstanceOf(ArenaException.class)
                .hasMessage("policy option 'a' is given twice in 't:a=1,a=2'");
    }

    @Test
    void aRegistryPolicyRecordsItsEffectiveOptionsAndClass() {
        PolicySpec random = SPECS.resolve("random");
        assertThat(random.kind()).isEqualTo("registry");
        assertThat(random.options()).containsExactly(Map.entry("seed", "9"));
        assertThat(random.className()).isEqualTo("org.systemarena.policy.RandomPolicy");
        assertThat(random.files()).isEmpty();
        assertThat(SPECS.resolve("random:seed=3").options()).containsExactly(Map.entry("seed", "3"));
        PolicySpec constant = SPECS.resolve(" constant:action=wait");
        assertThat(constant.spec()).isEqualTo(" constant:action=wait");
        assertThat(constant.policy()).isInstanceOf(ConstantPolicy.class);
        assertThatThrownBy(() -> SPECS.resolve("constant:action=wiat")).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith("policy 'constant:action=wiat' option 'action': action 'wiat' is not declared"
                        + " in ");
    }

    @Test
    void aRulesFileIsFoundInTheBaseFolderAndRecordedAsAnInput() throws IOException {
        Files.writeString(dir.resolve("calls.yaml"), "rules:\n  - when: \"budget >= 50000\"\n    action: make_call\n"
                + "otherwise: wait\n");
        PolicySpec p = SPECS.withBaseDir(dir).resolve("rules:calls.yaml");
        assertThat(p.kind()).isEqualTo("rules");
        assertThat(p.name()).isEqualTo("calls");
        assertThat(p.files()).containsExactly(dir.resolve("calls.yaml"));
        assertThat(p.className()).isEqualTo(RuleBasedPolicy.class.getName());
        assertThatThrownBy(() -> SPECS.resolve("rules:")).hasMessage("policy 'rules' needs a file: rules:<file.yaml>");
    }

    @Test
    void aNewFormOfSpecificationIsOneKind() {
        SpecKind echo = (spec, argument, specs) -> {
            List<String> problems = new java.util.ArrayList<>();
            specs.checkAction(argument, "policy '" + spec + "'", problems);
            PolicySpecs.throwIfAny(problems, spec);
            return new PolicySpec(spec, "always", ConstantPolicy.of(argument), Map.of("action", argument), List.of());
        };
        PolicySpecs more = SPECS.withKind("always", echo);
        assertThat(more.resolve("always:make_call").kind()).isEqualTo("always");
        assertThatThrownBy(() -> more.resolve("always:fly")).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith("policy 'always:fly': action 'fly' is not declared");
        // Without it the prefix is an unknown policy; the message lists the forms there are.
        assertThatThrownBy(() -> SPECS.resolve("always")).isInstanceOf(ArenaException.class)
                .hasMessageEndingWith("use a registry name (constant, historical, random, threshold),"
                        + " rules:<file.yaml>, or a Policy class name");
        assertThatThrownBy(() -> more.resolve("alwyas")).hasMessageEndingWith("always:<argument>,"
                + " rules:<file.yaml>, or a Policy class name");
    }
}
