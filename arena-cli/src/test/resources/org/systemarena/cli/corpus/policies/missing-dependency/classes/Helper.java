public class Helper { public static String name() { return "orphan"; } }
