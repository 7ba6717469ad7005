package io.troupe.supervision.internal;

import io.troupe.supervision.ServiceSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services and their {@code requires} edges, checked once before anything starts: unique
 * names, known dependencies, no cycles. Gives a start order (dependencies first, otherwise
 * declaration order) and each service's dependents.
 */
final class DependencyGraph {
    private final Map<String, ServiceSpec> specs;
    private final List<String> startOrder;
    private final Map<String, List<String>> dependents;

    private DependencyGraph(Map<String, ServiceSpec> specs, List<String> startOrder, Map<String, List<String>> dependents) {
        this.specs = specs;
        this.startOrder = startOrder;
        this.dependents = dependents;
    }

    /** @throws IllegalArgumentException for a duplicate name, an unknown dependency or a cycle */
    static DependencyGraph of(List<ServiceSpec> list) {
        Map<String, ServiceSpec> specs = new LinkedHashMap<>();
        for (ServiceSpec spec : list) {
            if (specs.putIfAbsent(spec.name(), spec) != null) {
                throw new IllegalArgumentException("duplicate service name '" + spec.name() + "'");
            }
        }
        Map<String, List<String>> dependents = new HashMap<>();
        specs.keySet().forEach(name -> dependents.put(name, new ArrayList<>()));
        for (ServiceSpec spec : specs.values()) {
            for (String required : spec.requires()) {
                if (!specs.containsKey(required)) {
                    throw new IllegalArgumentException("service '" + spec.name() + "' requires unknown service '" + required + "'");
                }
                dependents.get(required).add(spec.name());
            }
        }
        List<String> order = new ArrayList<>(specs.size());
        Map<String, Boolean> done = new HashMap<>(); // false: on the current path, true: ordered
        for (String name : specs.keySet()) visit(name, specs, done, new ArrayList<>(), order);
        dependents.replaceAll((name, names) -> List.copyOf(names));
        return new DependencyGraph(specs, List.copyOf(order), Map.copyOf(dependents));
    }

    /** Depth-first: orders {@code name} after its dependencies; {@code path} is the chain being visited. */
    private static void visit(String name, Map<String, ServiceSpec> specs, Map<String, Boolean> done,
                              List<String> path, List<String> order) {
        Boolean state = done.get(name);
        if (Boolean.TRUE.equals(state)) return;
        if (Boolean.FALSE.equals(state)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
            cycle.add(name);
            throw new IllegalArgumentException("service dependency cycle: " + String.join(" -> ", cycle));
        }
        done.put(name, false);
        path.add(name);
        for (String required : specs.get(name).requires()) visit(required, specs, done, path, order);
        path.remove(path.size() - 1);
        done.put(name, true);
        order.add(name);
    }

    ServiceSpec spec(String name) {
        return specs.get(name);
    }

    boolean contains(String name) {
        return specs.containsKey(name);
    }

    /** Names in declaration order. */
    List<String> names() {
        return List.copyOf(specs.keySet());
    }

    /** Names with every service after the services it requires. */
    List<String> startOrder() {
        return startOrder;
    }

    /** The services that require {@code name}. */
    List<String> dependents(String name) {
        return dependents.get(name);
    }
}
