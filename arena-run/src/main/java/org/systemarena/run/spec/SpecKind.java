package org.systemarena.run.spec;

/**
 * One form of policy specification, chosen by the text before its first {@code ':'}: {@code rules:<file.yaml>} is
 * one. A new form (say {@code process:<command>}) is a class implementing this and one entry in
 * {@link PolicySpecs#BUILT_IN_KINDS} (or {@link PolicySpecs#withKind} for a caller's own).
 */
@FunctionalInterface
public interface SpecKind {
    /**
     * The policy {@code spec} describes.
     *
     * @param spec     the whole specification as given, for messages and provenance
     * @param argument what follows the prefix and its colon (may be empty)
     * @param specs    the workflow the policy must fit: its manifest, log, folder, seed and class loader, and checks
     *                 of action and snapshot names against them
     */
    PolicySpec resolve(String spec, String argument, PolicySpecs specs);

    /** How the form is written, for the message that lists the forms: {@code prefix:<argument>} by default. */
    default String usage(String prefix) {
        return prefix + ":<argument>";
    }
}
