public abstract class Parent implements org.systemarena.policy.Policy { }
