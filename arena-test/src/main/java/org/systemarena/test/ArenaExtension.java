package org.systemarena.test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.datasets.Workflow;
import org.systemarena.eval.Evaluation;
import org.systemarena.policy.Policy;
import org.systemarena.replay.BenchmarkResult;
import org.systemarena.run.RunResult;

/**
 * The JUnit 5 extension behind {@link ArenaWorkflow}: runs the workflow once per test class, keeps the result in the
 * class's extension store (its output folder, a temporary one, is deleted when the class ends) and resolves it as
 * test-method parameters.
 *
 * <p>Used through the annotation, or registered with a path computed at run time:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ArenaExtension ARENA = ArenaExtension.forWorkflow(Path.of("workflow"))
 *         .policies("com.example.MyPolicy").baselines("historical:fallback=wait");
 * }</pre>
 *
 * A run that fails (a bad manifest, a policy that cannot be made) fails every test that asks for its result, with
 * the library's message; it is not retried per test.
 */
public final class ArenaExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ArenaExtension.class);

    private final Path workflow;
    private final List<String> policies;
    private final List<String> baselines;
    private final long seed;
    private final int threads;

    /** The extension {@link ArenaWorkflow} registers; it reads the annotation of the test class. */
    public ArenaExtension() {
        this(null, List.of(), List.of(), 42, 1);
    }

    private ArenaExtension(Path workflow, List<String> policies, List<String> baselines, long seed, int threads) {
        this.workflow = workflow;
        this.policies = List.copyOf(policies);
        this.baselines = List.copyOf(baselines);
        this.seed = seed;
        this.threads = threads;
    }

    /** An extension for {@code @RegisterExtension}: the workflow at {@code dir}, with {@code arena run}'s defaults. */
    public static ArenaExtension forWorkflow(Path dir) {
        return new ArenaExtension(Objects.requireNonNull(dir, "dir"), List.of(), List.of(), 42, 1);
    }

    /** Adds candidates by specification (docs/cli.md "Choosing policies"). */
    public ArenaExtension policies(String... specs) {
        return new ArenaExtension(workflow, concat(policies, Arrays.asList(specs)), baselines, seed, threads);
    }

    /** Adds candidates by class (public, implementing {@link Policy}, with a public no-argument constructor). */
    @SafeVarargs
    public final ArenaExtension policies(Class<? extends Policy>... classes) {
        return new ArenaExtension(workflow, concat(policies, Arrays.stream(classes).map(Class::getName).toList()),
                baselines, seed, threads);
    }

    /** Adds baselines by specification (none given: {@code arena run}'s defaults, random and historical). */
    public ArenaExtension baselines(String... specs) {
        return new ArenaExtension(workflow, policies, concat(baselines, Arrays.asList(specs)), seed, threads);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    public ArenaExtension seed(long value) {
        return new ArenaExtension(workflow, policies, baselines, value, threads);
    }

    public ArenaExtension threads(int value) {
        return new ArenaExtension(workflow, policies, baselines, seed, value);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == RunResult.class || type == Evaluation.class || type == Workflow.class || type == Manifest.class) {
            return true;
        }
        return type == List.class && isListOf(parameter.getParameter().getParameterizedType(), BenchmarkResult.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunResult run = result(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == RunResult.class) {
            return run;
        }
        if (type == Evaluation.class) {
            return run.evaluation();
        }
        if (type == Workflow.class) {
            return run.workflow();
        }
        if (type == Manifest.class) {
            return run.manifest();
        }
        if (type == List.class) {
            return run.results();
        }
        throw new ParameterResolutionException("arena-test cannot resolve a parameter of type " + type.getName());
    }

    /** The run of the test class {@code context} belongs to, made on first use. */
    private RunResult result(ExtensionContext context) {
        ExtensionContext owner = owner(context);
        RunKey key = key(owner);
        // Keyed by what is run: a class may carry both the annotation and a registered extension.
        WorkflowRun run = owner.getStore(NAMESPACE).getOrComputeIfAbsent(key, WorkflowRun::start, WorkflowRun.class);
        return run.result();
    }

    /**
     * The class context that owns the run: the nearest class carrying {@code @ArenaWorkflow} (so {@code @Nested}
     * classes share their enclosing class's run), or for a registered extension the outermost test class.
     */
    private ExtensionContext owner(ExtensionContext context) {
        ExtensionContext outermost = null;
        for (ExtensionContext c = context; c != null && c.getTestClass().isPresent(); c = c.getParent().orElse(null)) {
            if (c.getTestMethod().isPresent()) {
                continue;
            }
            outermost = c;
            if (workflow == null && AnnotationSupport.isAnnotated(c.getRequiredTestClass(), ArenaWorkflow.class)) {
                return c;
            }
        }
        if (outermost == null) {
            throw new ExtensionConfigurationException("arena-test resolves parameters of test methods only");
        }
        return outermost;
    }

    private RunKey key(ExtensionContext owner) {
        if (workflow != null) {
            return new RunKey(workflow, policies, baselines, seed, threads);
        }
        Class<?> testClass = owner.getRequiredTestClass();
        Optional<ArenaWorkflow> found = AnnotationSupport.findAnnotation(testClass, ArenaWorkflow.class);
        if (found.isEmpty()) {
            throw new ExtensionConfigurationException(testClass.getName() + " uses ArenaExtension without"
                    + " @ArenaWorkflow; annotate it, or register ArenaExtension.forWorkflow(dir)");
        }
        ArenaWorkflow a = found.get();
        List<String> specs = new ArrayList<>(Arrays.asList(a.policies()));
        Arrays.stream(a.policyClasses()).map(Class::getName).forEach(specs::add);
        return new RunKey(locate(a.value(), testClass), specs, Arrays.asList(a.baselines()), a.seed(), a.threads());
    }

    /** {@code value} as given when absolute; else in the working directory, then in its parents. */
    static Path locate(String value, Class<?> testClass) {
        Path given = Path.of(value);
        if (given.isAbsolute()) {
            return given;
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            Path candidate = p.resolve(given);
            if (Files.isDirectory(candidate)) {
                return candidate.normalize();
            }
        }
        throw new ExtensionConfigurationException("@ArenaWorkflow(\"" + value + "\") on " + testClass.getName()
                + ": no folder '" + value + "' in " + cwd + " or any folder above it");
    }

    private static boolean isListOf(Type type, Class<?> element) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] == element;
    }
}
