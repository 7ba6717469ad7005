/**
 * Troupe applications: YAML app descriptors (the Java counterpart of Wippy's {@code _index.yaml})
 * with processes, supervised services and hosts, and the {@code troupe} command that runs them.
 *
 * <p>{@code io.troupe.app} is the API. {@code io.troupe.app.internal} holds the implementation and
 * is exported to nobody.
 */
module io.troupe.app {
    requires transitive io.troupe.core;
    requires transitive io.troupe.supervision;
    requires transitive io.troupe.node;
    requires org.slf4j;
    requires tools.jackson.databind;
    requires tools.jackson.dataformat.yaml;
    requires info.picocli;

    // API
    exports io.troupe.app;
}
