package org.systemarena.run.spec;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.systemarena.core.Action;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;
import org.systemarena.core.manifest.Manifest;
import org.systemarena.core.input.Suggestions;
import org.systemarena.decision.DecisionPointExtractor;
import org.systemarena.decision.expr.ExpressionChecker;
import org.systemarena.policy.ConstantPolicy;
import org.systemarena.policy.HistoricalPolicy;
import org.systemarena.policy.Policy;
import org.systemarena.policy.PolicyRegistry;
import org.systemarena.policy.RuleBasedPolicy;
import org.systemarena.policy.ThresholdPolicy;
import org.systemarena.policy.UserCode;

/**
 * Turns policy specifications ({@code arena run -p/-b}, {@code RunConfig.policies}) into policies (docs/cli.md,
 * "Choosing policies"):
 * <ul>
 *   <li>{@code name[:key=value,...]}: a registry policy ({@code threshold}, {@code random}, {@code constant},
 *       {@code historical}, and any {@code PolicyProvider} on the class path) with its options;</li>
 *   <li>{@code rules:<file.yaml>} or a path ending in {@code .yaml}/{@code .yml}: a rules or threshold file;</li>
 *   <li>{@code com.example.MyPolicy[:key=value,...]}: a {@code Policy} class on the class path, made with its
 *       public constructor taking {@code Map<String, String>} options, or its public no-argument constructor;</li>
 *   <li>{@code <kind>:<argument>} for any other {@link SpecKind} (see {@link #BUILT_IN_KINDS}).</li>
 * </ul>
 * Every policy whose actions or names are known in advance is checked against the manifest's actions and the
 * log's snapshot names, so a typo is an error before the replay, with a suggestion. A {@code random} policy without
 * a seed gets the run's.
 *
 * <pre>{@code
 * PolicySpecs specs = PolicySpecs.of(workflow.manifest(), workflow.log()).withBaseDir(workflowDir).withSeed(42);
 * Policy p = specs.resolve("threshold:field=days_since_last_contact,threshold=3,above=make_call,below=wait").policy();
 * }</pre>
 */
public final class PolicySpecs {
    /**
     * The forms chosen by a prefix, tried before registry names: adding a form of specification is one entry here.
     */
    public static final Map<String, SpecKind> BUILT_IN_KINDS = Map.of("rules", new SpecKind() {
        @Override
        public PolicySpec resolve(String spec, String argument, PolicySpecs specs) {
            return rules(spec, argument, specs);
        }

        @Override
        public String usage(String prefix) {
            return prefix + ":<file.yaml>";
        }
    });

    private final ClassLoader loader;
    private final PolicyRegistry registry;
    private final Path baseDir;
    private final Manifest manifest;
    private final EventLog log;
    private final long seed;
    private final Map<String, SpecKind> kinds;

    private PolicySpecs(ClassLoader loader, Path baseDir, Manifest manifest, EventLog log, long seed,
                        Map<String, SpecKind> kinds) {
        this.loader = loader;
        this.registry = PolicyRegistry.load(loader);
        this.baseDir = baseDir;
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.log = Objects.requireNonNull(log, "log");
        this.seed = seed;
        this.kinds = Map.copyOf(kinds);
    }

    /**
     * Specifications checked against this manifest and log; relative files from the working directory, seed 42,
     * classes and providers from this library's class loader.
     */
    public static PolicySpecs of(Manifest manifest, EventLog log) {
        return new PolicySpecs(PolicySpecs.class.getClassLoader(), null, manifest, log, 42, BUILT_IN_KINDS);
    }

    /** Relative files not found from the working directory are looked for here (the workflow folder). */
    public PolicySpecs withBaseDir(Path dir) {
        return new PolicySpecs(loader, dir, manifest, log, seed, kinds);
    }

    /** The seed of a {@code random} policy whose specification gives none. */
    public PolicySpecs withSeed(long value) {
        return new PolicySpecs(loader, baseDir, manifest, log, value, kinds);
    }

    /** Where policy classes and {@code PolicyProvider}s are looked for. */
    public PolicySpecs withClassLoader(ClassLoader value) {
        return new PolicySpecs(Objects.requireNonNull(value, "loader"), baseDir, manifest, log, seed, kinds);
    }

    /** One more form of specification, {@code prefix:<argument>}; it takes precedence over a registry name. */
    public PolicySpecs withKind(String prefix, SpecKind kind) {
        if (prefix.isEmpty() || prefix.contains(":")) {
            throw new IllegalArgumentException("a specification prefix is a word without ':', got '" + prefix + "'");
        }
        Map<String, SpecKind> more = new LinkedHashMap<>(kinds);
        more.put(prefix, Objects.requireNonNull(kind, "kind"));
        return new PolicySpecs(loader, baseDir, manifest, log, seed, more);
    }

    public Manifest manifest() {
        return manifest;
    }

    public EventLog log() {
        return log;
    }

    public long seed() {
        return seed;
    }

    public ClassLoader classLoader() {
        return loader;
    }

    /** The policy {@code spec} describes, or an {@link ArenaException} saying what is wrong with it. */
    public PolicySpec resolve(String spec) {
        String text = spec.strip();
        if (text.isEmpty()) {
            throw new ArenaException("empty policy specification");
        }
        int colon = text.indexOf(':');
        String head = colon < 0 ? text : text.substring(0, colon);
        String rest = colon < 0 ? "" : text.substring(colon + 1);
        SpecKind kind = kinds.get(head);
        if (kind != null) {
            return kind.resolve(spec, rest, this);
        }
        if (colon < 0 && (text.endsWith(".yaml") || text.endsWith(".yml"))) {
            return rules(spec, text, this);
        }
        Map<String, String> options = options(spec, rest);
        if (registry.names().contains(head)) {
            if (head.equals("random") && !options.containsKey("seed")) {
                options.put("seed", Long.toString(seed));
            }
            Policy p = registry.create(head, options);
            checkBuiltIn(spec, p, options);
            return new PolicySpec(spec, "registry", p, options, List.of(), registry.provider(head).runOptions());
        }
        if (looksLikeClassName(head)) {
            Class<?> c;
            try {
                c = Class.forName(head, true, loader);
            } catch (ClassNotFoundException e) {
                throw unknown(spec, head, "no class '" + head + "' on the class path (add it with --class-path)");
            } catch (ExceptionInInitializerError e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new ArenaException("policy class '" + head + "' in '" + spec + "' failed to initialize: its"
                        + " static initializer threw " + UserCode.describe(cause), cause);
            } catch (LinkageError e) {
                throw new ArenaException("policy class '" + head + "' in '" + spec + "' cannot be loaded: "
                        + UserCode.describe(e) + " (a class it needs may be missing from --class-path)", e);
            }
            return new PolicySpec(spec, "class", instantiate(spec, c, options), options, List.of());
        }
        throw unknown(spec, head, null);
    }

    /**
     * A file a specification names: as given when it exists (or is absolute), else in the base folder when it is
     * there.
     */
    public Path file(String path) {
        Path file = Path.of(path);
        if (!file.isAbsolute() && !Files.exists(file) && baseDir != null && Files.exists(baseDir.resolve(path))) {
            file = baseDir.resolve(path);
        }
        return file;
    }

    private ArenaException unknown(String spec, String head, String detail) {
        return new ArenaException("unknown policy '" + head + "' in '" + spec + "'" + Suggestions.hint(head,
                registry.names()) + (detail == null ? "" : ": " + detail) + "; use a registry name ("
                + String.join(", ", registry.names()) + "), " + String.join(", ", new java.util.TreeSet<>(kinds.keySet())
                .stream().map(k -> kinds.get(k).usage(k)).toList()) + ", or a Policy class name");
    }

    private static boolean looksLikeClassName(String s) {
        if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) {
            return false;
        }
        for (String part : s.split("\\.", -1)) {
            if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0))
                    || !part.chars().allMatch(Character::isJavaIdentifierPart)) {
                return false;
            }
        }
        return true;
    }

    /** {@code key=value,key=value}; a value may not contain a comma. */
    public static Map<String, String> options(String spec, String text) {
        Map<String, String> m = new LinkedHashMap<>();
        if (text.isBlank()) {
            return m;
        }
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new ArenaException("policy option '" + part.strip() + "' in '" + spec
                        + "' is not key=value (options are name:key=value,key=value)");
            }
            String key = part.substring(0, eq).strip();
            if (m.put(key, part.substring(eq + 1).strip()) != null) {
                throw new ArenaException("policy option '" + key + "' is given twice in '" + spec + "'");
            }
        }
        return m;
    }

    private Policy instantiate(String spec, Class<?> c, Map<String, String> options) {
        if (!Policy.class.isAssignableFrom(c)) {
            throw new ArenaException("class '" + c.getName() + "' in '" + spec + "' does not implement "
                    + Policy.class.getName());
        }
        if (Modifier.isAbstract(c.getModifiers()) || !Modifier.isPublic(c.getModifiers())) {
            throw new ArenaException("policy class '" + c.getName() + "' must be public and concrete");
        }
        try {
            Constructor<?> withOptions = constructor(c, Map.class);
            if (withOptions != null) {
                return (Policy) withOptions.newInstance(Map.copyOf(options));
            }
            if (!options.isEmpty()) {
                throw new ArenaException("policy class '" + c.getName() + "' takes no options (it has no public"
                        + " constructor taking Map<String, String>), but '" + spec + "' gives " + options.keySet());
            }
            Constructor<?> noArgs = constructor(c);
            if (noArgs == null) {
                throw new ArenaException("policy class '" + c.getName() + "' needs a public no-argument constructor"
                        + " or one taking Map<String, String> options");
            }
            return (Policy) noArgs.newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (UserCode.isFatal(cause)) {
                throw (Error) cause;
            }
            throw new ArenaException("policy class '" + c.getName() + "' failed to start: its constructor threw "
                    + UserCode.describe(cause), cause);
        } catch (ReflectiveOperationException e) {
            throw new ArenaException("cannot create policy class '" + c.getName() + "': " + e, e);
        }
    }

    private static Constructor<?> constructor(Class<?> c, Class<?>... parameters) {
        try {
            Constructor<?> k = c.getConstructor(parameters);
            return Modifier.isPublic(k.getModifiers()) ? k : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** {@code rules:<file.yaml>}: a rules or threshold file, checked against the manifest and the log. */
    private static PolicySpec rules(String spec, String path, PolicySpecs specs) {
        if (path.isBlank()) {
            throw new ArenaException("policy 'rules' needs a file: rules:<file.yaml>");
        }
        Path file = specs.file(path.strip());
        RulesFile.Loaded loaded = RulesFile.load(file);
        List<String> problems = new ArrayList<>();
        for (RulesFile.Use a : loaded.actions()) {
            specs.checkAction(a.value(), a.position() + ": '" + a.what() + "'", problems);
        }
        for (RulesFile.Use f : loaded.fields()) {
            specs.checkName(f.value(), f.position() + ": 'field'", problems);
        }
        if (loaded.policy() instanceof RuleBasedPolicy r) {
            ExpressionChecker checker = ExpressionChecker.of(specs.snapshotNames());
            for (RuleBasedPolicy.Rule rule : r.rules()) {
                for (ExpressionChecker.Problem p : checker.check(rule.condition())) {
                    String message = p.message().replace(" at " + p.position().line() + ":" + p.position().column(),
                            "");
                    problems.add(p.position() + ": 'when': " + message + " in: " + p.expression());
                }
            }
        }
        throwIfAny(problems, file.toString());
        return new PolicySpec(spec, "rules", loaded.policy(), Map.of(), List.of(file));
    }

    private void checkBuiltIn(String spec, Policy p, Map<String, String> o) {
        List<String> problems = new ArrayList<>();
        if (p instanceof ThresholdPolicy t) {
            checkName(t.config().field(), "policy '" + spec + "' option 'field'", problems);
            checkAction(t.config().actionAbove(), "policy '" + spec + "' option 'above'", problems);
            checkAction(t.config().actionBelow(), "policy '" + spec + "' option 'below'", problems);
        } else if (p instanceof ConstantPolicy || p instanceof HistoricalPolicy) {
            String key = p instanceof ConstantPolicy ? "action" : "fallback";
            checkAction(o.get(key), "policy '" + spec + "' option '" + key + "'", problems);
        }
        throwIfAny(problems, spec);
    }

    /** Adds a problem to {@code problems} unless {@code action} is null or declared in the manifest. */
    public void checkAction(String action, String where, List<String> problems) {
        if (action == null) {
            return;
        }
        List<String> declared = manifest.allowedActions().stream().map(Action::type).toList();
        if (!declared.contains(action)) {
            problems.add(where + ": action '" + action + "' is not declared in " + manifest.source()
                    + Suggestions.hint(action, declared) + "; declared: " + String.join(", ", declared));
        }
    }

    /** Adds a problem to {@code problems} unless {@code name} is a snapshot name of the log. */
    public void checkName(String name, String where, List<String> problems) {
        Set<String> names = snapshotNames();
        if (!names.contains(name)) {
            problems.add(where + ": unknown name '" + name + "'" + Suggestions.hint(name, names)
                    + " (not a built-in snapshot value or a column of the log)");
        }
    }

    /** The names a policy's snapshot has on this log: the built-in values and the log's columns. */
    public Set<String> snapshotNames() {
        return DecisionPointExtractor.snapshotNames(log, List.of());
    }

    /** Throws one problem as it is, several as one error listing them under {@code what}. */
    public static void throwIfAny(List<String> problems, String what) {
        if (problems.size() == 1) {
            throw new ArenaException(problems.get(0));
        }
        if (!problems.isEmpty()) {
            throw new ArenaException(problems.size() + " problems in " + what + ":\n  "
                    + String.join("\n  ", problems));
        }
    }
}
