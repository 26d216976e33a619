package dev.model.parse;

import dev.model.error.ModelException;
import dev.model.error.SourceLocation;
import dev.model.jinja.MacroLibrary;
import dev.model.project.TemplateValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one test entry of property YAML ({@code - not_null}, {@code - accepted_values: {values: [...]}},
 * {@code - dbt_utils.expression_is_true: {...}}) into a {@link TestNode} named, configured and
 * identified as dbt's {@code TestBuilder} does.
 */
final class GenericTestBuilder {

    /** Keys of a test entry that are configs, not arguments of the test macro (dbt's CONFIG_ARGS). */
    private static final List<String> CONFIG_ARGS = List.of("severity", "tags", "enabled", "where", "limit",
            "warn_if", "error_if", "fail_calc", "store_failures", "store_failures_as", "meta", "database",
            "schema", "alias");
    private static final Pattern TEST_NAME = Pattern.compile(
            "(?:([a-zA-Z_][0-9a-zA-Z_]*)\\.)?([a-zA-Z_][0-9a-zA-Z_]*)");
    private static final Pattern REF_CALL = Pattern.compile(
            "\\bref\\(\\s*['\"]([^'\"]+)['\"]\\s*(?:,\\s*['\"]([^'\"]+)['\"]\\s*)?\\)");
    private static final Pattern SOURCE_CALL = Pattern.compile(
            "\\bsource\\(\\s*['\"]([^'\"]+)['\"]\\s*,\\s*['\"]([^'\"]+)['\"]\\s*\\)");

    /** What a test is attached to. */
    record Attachment(boolean isSource, String name, String sourceName, String tableName, String uniqueId) {

        static Attachment node(String name, String uniqueId) {
            return new Attachment(false, name, null, null, uniqueId);
        }

        static Attachment source(String sourceName, String tableName, String uniqueId) {
            return new Attachment(true, sourceName + "_" + tableName, sourceName, tableName, uniqueId);
        }

        String modelArgument() {
            String target = isSource ? "source('" + sourceName + "', '" + tableName + "')" : "ref('" + name + "')";
            return "{{ get_where_subquery(" + target + ") }}";
        }
    }

    private final String project;
    private final MacroLibrary macros;
    private final FolderConfigs testConfigs;
    private final UnknownConfigKeys unknownKeys;
    private final TemplateValues values;
    /** Whether the project defines {@code test_<name>} itself; asked once per test name. */
    private final Map<String, Boolean> projectDefinesTest = new java.util.concurrent.ConcurrentHashMap<>();

    GenericTestBuilder(String project, MacroLibrary macros, FolderConfigs testConfigs, UnknownConfigKeys unknownKeys,
                       TemplateValues values) {
        this.project = project;
        this.macros = macros;
        this.testConfigs = testConfigs;
        this.unknownKeys = unknownKeys;
        this.values = values;
    }

    /** The test node, or null when the test is disabled. */
    TestNode build(PropertySpecs.TestSpec spec, Attachment attachment, PropertySpecs.Origin origin) {
        SourceLocation where = spec.location();
        String qualifiedName;
        Map<String, Object> args;
        Object definition = spec.definition();
        if (definition instanceof String s) {
            qualifiedName = s;
            args = new LinkedHashMap<>();
        } else if (definition instanceof Map<?, ?> map) {
            if (map.containsKey("test_name")) {
                qualifiedName = String.valueOf(map.get("test_name"));
                args = stringKeys(map);
                args.remove("test_name");
            } else if (map.size() == 1) {
                Map.Entry<?, ?> only = map.entrySet().iterator().next();
                qualifiedName = String.valueOf(only.getKey());
                if (only.getValue() != null && !(only.getValue() instanceof Map)) {
                    throw ModelException.project("The arguments of test '" + qualifiedName + "' on '"
                            + attachment.name() + "' must be a mapping", where);
                }
                args = only.getValue() == null ? new LinkedHashMap<>() : stringKeys((Map<?, ?>) only.getValue());
            } else {
                throw ModelException.project("A test definition must have exactly one key (the test name), got "
                        + map.keySet() + " on '" + attachment.name() + "'", where);
            }
        } else {
            throw ModelException.project("A test on '" + attachment.name()
                    + "' must be a name or a mapping, got: " + definition, where);
        }
        Matcher nameMatch = TEST_NAME.matcher(qualifiedName);
        if (!nameMatch.matches()) {
            throw ModelException.project("Test name '" + qualifiedName + "' on '" + attachment.name()
                    + "' is not a valid test name", where);
        }
        String namespace = nameMatch.group(1);
        String testName = nameMatch.group(2);
        if (args.get("arguments") instanceof Map<?, ?> arguments) {
            args.remove("arguments");
            args.putAll(stringKeys(arguments));
        }
        if (spec.columnName() != null) {
            args.put("column_name", spec.columnName());
        }
        Map<String, Object> testConfig = new LinkedHashMap<>();
        for (String key : CONFIG_ARGS) {
            if (args.containsKey(key)) {
                testConfig.put(key, args.remove(key));
            }
        }
        if (args.containsKey("config")) {
            Object config = args.remove("config");
            if (!(config instanceof Map<?, ?> configMap)) {
                throw ModelException.project("'config' of test '" + qualifiedName + "' must be a mapping", where);
            }
            testConfig.putAll(stringKeys(configMap));
        }
        // dbt renders a test's configs at parse time (its arguments only when the test compiles).
        testConfig.replaceAll((key, value) -> value instanceof String text && TemplateValues.hasJinja(text)
                ? values.render(text, where) : value);
        Object descriptionValue = args.remove("description");
        String description = descriptionValue == null ? "" : descriptionValue.toString();
        GenericTestNames.Names names;
        Object customName = args.remove("name");
        if (customName != null) {
            names = new GenericTestNames.Names(customName.toString(), customName.toString());
        } else {
            String type = (attachment.isSource() ? "source_" : "") + testName;
            if (namespace != null) {
                type = namespace + "_" + type;
            }
            names = GenericTestNames.synthesize(type, attachment.name(), args);
        }
        args.put("model", attachment.modelArgument());

        List<String> fqn = new ArrayList<>();
        fqn.add(project);
        fqn.addAll(origin.folders());
        fqn.add(names.fullName());
        ConfigMerger merger = new ConfigMerger(unknownKeys, TestDefaults.VALUES);
        for (Map<String, Object> layer : testConfigs.layersFor(fqn)) {
            merger.apply(layer, testConfigs.origin());
        }
        merger.apply(testConfig, where);
        if (!names.shortName().equals(names.fullName()) && merger.values().get("alias") == null) {
            merger.values().put("alias", names.shortName());
        }
        Set<String> tags = new TreeSet<>(NodeConfig.stringList(merger.values().get("tags")));
        tags.addAll(spec.columnTags());
        merger.values().put("tags", new ArrayList<>(tags));
        NodeConfig config = merger.build();
        if (!config.enabled()) {
            return null;
        }
        String hash = GenericTestNames.uniqueIdHash(names.fullName(), testName, namespace, args);
        String macroPackage = namespace != null ? namespace
                : projectDefinesTest.computeIfAbsent(testName, n -> macros.find(project, "test_" + n).isPresent())
                ? project : "dbt";
        if (macroPackage.equals("dbt")) {
            requireBuiltinArguments(testName, args, attachment, spec, where);
        }
        String rawCode = "{{ " + (namespace != null ? namespace + "." : "") + "test_" + testName
                + "(**_dbt_generic_test_kwargs) }}" + configCall(testConfig);
        return new TestNode(
                "test." + project + "." + names.fullName() + "." + hash,
                names.fullName(), project, origin.originalFilePath(), origin.file(), rawCode, config, fqn,
                description, dependencies(attachment, args, where, macroPackage, testName), spec.columnName(),
                new TestNode.TestMetadata(testName, namespace, args),
                attachment.isSource() ? null : attachment.uniqueId());
    }

    /** dbt's own generic tests and the arguments they cannot run without. */
    private static final Map<String, List<String>> BUILTIN_REQUIRED = Map.of(
            "accepted_values", List.of("values"),
            "relationships", List.of("to", "field"));

    /**
     * A built-in test without a required argument would only fail in the warehouse with an
     * unhelpful syntax error; fail at parse instead, naming the test and where it is declared.
     */
    private static void requireBuiltinArguments(String testName, Map<String, Object> args, Attachment attachment,
                                                PropertySpecs.TestSpec spec, SourceLocation where) {
        for (String required : BUILTIN_REQUIRED.getOrDefault(testName, List.of())) {
            if (args.get(required) == null) {
                String on = spec.columnName() == null ? attachment.name() : attachment.name() + "." + spec.columnName();
                throw ModelException.project("Test '" + testName + "' on '" + on + "' needs the argument '"
                        + required + "'", where);
            }
        }
    }

    private Dependencies dependencies(Attachment attachment, Map<String, Object> args, SourceLocation where,
                                      String macroPackage, String testName) {
        List<RefCall> refs = new ArrayList<>();
        List<SourceCall> sources = new ArrayList<>();
        if (attachment.isSource()) {
            sources.add(new SourceCall(attachment.sourceName(), attachment.tableName(), where));
        } else {
            refs.add(new RefCall(null, attachment.name(), null, where));
        }
        for (Map.Entry<String, Object> arg : args.entrySet()) {
            if (!arg.getKey().equals("model")) {
                collectCalls(arg.getValue(), refs, sources, where);
            }
        }
        Set<String> macroIds = new LinkedHashSet<>();
        macroIds.add("macro." + macroPackage + ".test_" + testName);
        macroIds.add("macro.dbt.get_where_subquery");
        return new Dependencies(refs, sources, macroIds);
    }

    private static void collectCalls(Object value, List<RefCall> refs, List<SourceCall> sources, SourceLocation where) {
        if (value instanceof String s) {
            Matcher ref = REF_CALL.matcher(s);
            while (ref.find()) {
                refs.add(ref.group(2) == null ? new RefCall(null, ref.group(1), null, where)
                        : new RefCall(ref.group(1), ref.group(2), null, where));
            }
            Matcher source = SOURCE_CALL.matcher(s);
            while (source.find()) {
                sources.add(new SourceCall(source.group(1), source.group(2), where));
            }
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collectCalls(v, refs, sources, where));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collectCalls(v, refs, sources, where));
        }
    }

    /** dbt's {@code construct_config}: the test's own configs as a {@code config()} call in its raw code. */
    private static String configCall(Map<String, Object> config) {
        if (config.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        config.forEach((k, v) -> parts.add(k + "=" + (v instanceof String s
                ? "\"" + s.replace("\"", "\\\"") + "\"" : PythonRepr.str(v))));
        return "{{ config(" + String.join(",", parts) + ") }}";
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
