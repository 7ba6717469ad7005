package io.troupe.app.internal;

import io.troupe.app.Entry;
import io.troupe.app.EntryId;
import io.troupe.app.EntryKind;
import io.troupe.app.ProcessEntry;
import io.troupe.app.ServiceEntry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks that span entries: references point at entries of the right kind, {@code requires}
 * has no cycle, there is at most one process host, and every process entry's class and method can
 * be called.
 */
final class References {
    private final Problems problems;
    private final List<Entry> entries;
    private final Map<EntryId, EntryKind> declared;
    private final ClassLoader loader;

    References(Problems problems, List<Entry> entries, Map<EntryId, EntryKind> declared, ClassLoader loader) {
        this.problems = problems;
        this.entries = entries;
        this.declared = declared;
        this.loader = loader == null ? References.class.getClassLoader() : loader;
    }

    void check() {
        List<EntryId> hosts = declared.entrySet().stream()
                .filter(e -> e.getValue() == EntryKind.PROCESS_HOST).map(Map.Entry::getKey).toList();
        for (EntryId extra : hosts.subList(Math.min(1, hosts.size()), hosts.size())) {
            problems.add(extra.toString(), "kind", "only one process.host is allowed (the runtime has one scheduler; "
                    + hosts.getFirst() + " is the first)");
        }
        for (Entry entry : entries) {
            switch (entry) {
                case ServiceEntry service -> service(service);
                case ProcessEntry process -> process(process);
                default -> { }
            }
        }
        cycles();
    }

    private void service(ServiceEntry service) {
        expect(service, "process", service.process(), Set.of(EntryKind.PROCESS));
        service.host().ifPresent(host -> expect(service, "host", host, Set.of(EntryKind.PROCESS_HOST)));
        for (EntryId required : service.lifecycle().requires()) {
            if (required.equals(service.id())) continue; // reported as a cycle
            expect(service, "lifecycle.requires", required,
                    Set.of(EntryKind.SERVICE, EntryKind.PROCESS_HOST, EntryKind.TERMINAL_HOST));
        }
    }

    private void expect(Entry from, String field, EntryId target, Set<EntryKind> kinds) {
        if (declared.containsKey(target) && declared.get(target) == null) return; // its kind is already reported
        EntryKind kind = declared.get(target);
        String wanted = kinds.stream().map(EntryKind::yamlName).sorted().collect(Collectors.joining(" or "));
        if (kind == null) {
            problems.add(from.id().toString(), field, "unknown entry " + target + " (expected a " + wanted + ")");
        } else if (!kinds.contains(kind)) {
            problems.add(from.id().toString(), field, target + " is a " + kind.yamlName() + ", expected a " + wanted);
        }
    }

    private void process(ProcessEntry process) {
        try {
            EntryPoint.resolve(process.className(), process.method(), loader);
        } catch (EntryPoint.Unusable e) {
            problems.add(process.id().toString(), e.field, e.getMessage());
        }
    }

    /** Reports each cycle of {@code requires} among services once, at the first service on it. */
    private void cycles() {
        Map<EntryId, List<EntryId>> graph = new java.util.LinkedHashMap<>();
        for (Entry entry : entries) {
            if (entry instanceof ServiceEntry s) graph.put(s.id(), s.lifecycle().requires());
        }
        Set<EntryId> done = new HashSet<>();
        for (EntryId start : graph.keySet()) {
            visit(start, graph, new ArrayList<>(), done);
        }
    }

    private void visit(EntryId node, Map<EntryId, List<EntryId>> graph, List<EntryId> stack, Set<EntryId> done) {
        int at = stack.indexOf(node);
        if (at >= 0) {
            List<EntryId> cycle = new ArrayList<>(stack.subList(at, stack.size()));
            cycle.add(node);
            problems.add(node.toString(), "lifecycle.requires", "cycle in requires: "
                    + cycle.stream().map(EntryId::toString).collect(Collectors.joining(" -> ")));
            return;
        }
        if (!done.add(node)) return;
        stack.add(node);
        for (EntryId next : graph.getOrDefault(node, List.of())) {
            visit(next, graph, stack, done);
        }
        stack.removeLast();
    }
}
