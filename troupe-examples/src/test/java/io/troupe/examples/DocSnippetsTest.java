package io.troupe.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the code in README.md and docs/*.md compiled: a block preceded by
 * {@code <!-- snippet: path/File.java#tag -->} must equal the region between {@code // tag::tag[]}
 * and {@code // end::tag[]} of that source file (indentation aside).
 */
class DocSnippetsTest {
    private static final Pattern SNIPPET = Pattern.compile(
            "<!-- snippet: (\\S+)#(\\S+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyTaggedSnippetMatchesCompiledCode() throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(documents::add);
        }
        int checked = 0;
        for (Path document : documents) {
            Matcher matcher = SNIPPET.matcher(Files.readString(document));
            while (matcher.find()) {
                String region = region(ROOT.resolve(matcher.group(1)), matcher.group(2));
                assertThat(normalize(matcher.group(3)))
                        .as("snippet %s#%s in %s", matcher.group(1), matcher.group(2), ROOT.relativize(document))
                        .isEqualTo(normalize(region));
                checked++;
            }
        }
        assertThat(checked).as("tagged snippets found").isGreaterThanOrEqualTo(1);
    }

    private static String region(Path source, String tag) throws IOException {
        String text = Files.readString(source);
        int start = text.indexOf("// tag::" + tag + "[]");
        int end = text.indexOf("// end::" + tag + "[]");
        assertThat(start).as("tag %s in %s", tag, source).isNotNegative();
        assertThat(end).as("end tag %s in %s", tag, source).isGreaterThan(start);
        return text.substring(text.indexOf('\n', start) + 1, text.lastIndexOf('\n', end) + 1);
    }

    /** Strips the common indentation and trailing blanks, so a region indented in a method compares equal. */
    private static String normalize(String code) {
        List<String> lines = code.lines().toList();
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String line : lines) out.append(line.isBlank() ? "" : line.substring(indent).stripTrailing()).append('\n');
        return out.toString().strip();
    }
}
