package org.ninexplorer.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The English and Chinese bundles say the same things, and every pattern can be formatted. */
class BundlesTest {

    static final Path RESOURCES = Path.of("src/main/resources/org/ninexplorer/ui");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[,}]");
    private static final Pattern FXML_KEY = Pattern.compile("=\"%([\\w.-]+)\"");

    static Map<String, String> read(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(RESOURCES.resolve(file))) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Map<String, String> values = new TreeMap<>();
        properties.forEach((k, v) -> values.put((String) k, (String) v));
        return values;
    }

    @Test
    void everyEnglishKeyIsInChineseAndTheOtherWayRound() throws IOException {
        Map<String, String> english = read("messages.properties");
        Map<String, String> chinese = read("messages_zh.properties");
        assertThat(english).hasSizeGreaterThan(50);
        assertThat(chinese.keySet()).as("keys missing in Chinese or English")
                .containsExactlyInAnyOrderElementsOf(english.keySet());
    }

    @Test
    void keysCarryTheirFeaturesPrefix() throws IOException {
        Set<String> features = Set.of("common", "main", "editor", "graph", "training", "featuremaps", "runs",
                "exercises", "confusion", "classmaps", "help", "diagnostic", "lesson", "export", "steps");
        assertThat(read("messages.properties").keySet())
                .allSatisfy(key -> assertThat(features).contains(key.substring(0, Math.max(0, key.indexOf('.')))));
    }

    @Test
    void everyPatternParsesAndBothLanguagesUseTheSameArguments() throws IOException {
        Map<String, String> english = read("messages.properties");
        Map<String, String> chinese = read("messages_zh.properties");
        for (Map.Entry<String, String> e : english.entrySet()) {
            String zh = chinese.getOrDefault(e.getKey(), "");
            assertThat(arguments(zh)).as("arguments of %s", e.getKey()).isEqualTo(arguments(e.getValue()));
            for (String pattern : new String[] {e.getValue(), zh}) {
                // A plain apostrophe starts a MessageFormat quotation and silently swallows text.
                assertThat(pattern).as(e.getKey()).doesNotContain("'");
                // Numbers, as choice formats ("{0,choice,1#one|1<{0} convolutions}") need.
                Object[] args = new Object[arguments(pattern).stream().mapToInt(i -> i + 1).max().orElse(0)];
                java.util.Arrays.setAll(args, i -> i + 2);
                String formatted = new MessageFormat(pattern, Locale.ROOT).format(args);
                assertThat(formatted).as(e.getKey()).doesNotContain("{").isNotBlank();
            }
        }
    }

    @Test
    void everyFxmlKeyIsInTheBundle() throws IOException {
        Set<String> keys = read("messages.properties").keySet();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path fxml : files.filter(p -> p.toString().endsWith(".fxml")).toList()) {
                Matcher m = FXML_KEY.matcher(Files.readString(fxml));
                while (m.find()) {
                    assertThat(keys).as(fxml.toString()).contains(m.group(1));
                }
            }
        }
    }

    @Test
    void englishIsTheFallbackWhateverTheSystemsLanguage() {
        Locale system = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertThat(Messages.of(Locale.FRENCH).format("common.cancel")).isEqualTo("Cancel");
            assertThat(Messages.of(Locale.ROOT).format("common.cancel")).isEqualTo("Cancel");
            assertThat(Messages.of(Locale.CHINA).format("common.cancel")).isEqualTo("取消");
        } finally {
            Locale.setDefault(system);
        }
    }

    private static Set<Integer> arguments(String pattern) {
        Matcher m = ARGUMENT.matcher(pattern);
        Set<Integer> found = new TreeSet<>();
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    static String allText(String... files) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String file : files) {
            text.append(String.join("\n", read(file).values())).append('\n');
        }
        try (Stream<Path> pages = Files.list(RESOURCES.resolve("help"))) {
            text.append(pages.filter(p -> p.toString().endsWith(".txt")).map(BundlesTest::readString)
                    .collect(Collectors.joining("\n")));
        }
        return text.toString();
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
