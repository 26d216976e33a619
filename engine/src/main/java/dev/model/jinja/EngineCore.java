package dev.model.jinja;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.features.FeatureConfig;
import com.hubspot.jinjava.features.FeatureStrategies;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.MacroFunction;
import dev.model.error.ErrorCategory;
import dev.model.error.ModelException;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The jinjava environment of one engine: configured once, with an immutable parent context
 * holding dbt's functions and every library macro. Each render gets a child context and its
 * own interpreter.
 */
final class EngineCore {

    static final String DBT_PACKAGE = "dbt";
    private static final String SECRET_PREFIX = "DBT_ENV_SECRET_";

    private final JinjaSettings settings;
    private final Jinjava jinjava;
    private final FrozenContext parent;
    private final Map<String, Map<String, MacroFunction>> packages = new HashMap<>();
    private final List<String> secrets;
    private final java.util.concurrent.ConcurrentHashMap<String, com.hubspot.jinjava.tree.Node> parsed =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_CACHED_TREES = 50_000;

    EngineCore(MacroLibrary library, JinjaSettings settings) {
        this.settings = settings;
        this.secrets = settings.env().entrySet().stream()
                .filter(e -> e.getKey().startsWith(SECRET_PREFIX) && e.getValue() != null && !e.getValue().isEmpty())
                .map(Map.Entry::getValue).toList();
        this.jinjava = new Jinjava(config());
        jinjava.setResourceLocator((path, charset, interpreter) -> {
            throw new IOException("templates cannot read files");
        });
        for (String name : List.of("include", "import", "from", "extends")) {
            jinjava.registerTag(new ForbiddenTag(name));
        }
        jinjava.registerTag(new MacroTag());
        jinjava.registerTag(new SetTag());
        jinjava.registerTag(new SnapshotTag());
        for (String name : List.of("docs", "test", "materialization")) {
            jinjava.registerTag(new SilentBlockTag(name));
        }
        this.parent = new FrozenContext(jinjava.getGlobalContext());
        Map<String, MacroFunction> builtins = DbtFunctions.register(parent);
        parent.put("builtins", new ContextObjects.Namespace("builtins", builtins));
        Clock clock = Clock.fixed(settings.runStartedAt(), ZoneOffset.UTC);
        parent.put("modules", new ContextObjects.Modules(new DatetimeModule(Clock.systemUTC())));
        parent.put("exceptions", new ContextObjects.Exceptions());
        parent.put("adapter", new ContextObjects.Adapter());
        parent.put("config", new ContextObjects.Config());
        parent.put("target", settings.target());
        parent.put("project_name", settings.rootProjectName());
        parent.put("dbt_version", "1.8.0");
        parent.put("invocation_id", settings.invocationId());
        parent.put("run_started_at", new PyDateTime(java.time.LocalDateTime.now(clock), false));
        compileLibrary(library);
    }

    private static JinjavaConfig config() {
        return JinjavaConfig.newBuilder()
                .withNestedInterpretationEnabled(false)
                .withEnableRecursiveMacroCalls(true)
                .withMaxMacroRecursionDepth(200)
                .withLegacyOverrides(LegacyOverrides.newBuilder()
                        .withParseWhitespaceControlStrictly(true)
                        .withIterateOverMapKeys(true)
                        .withUsePyishObjectMapper(true)
                        .build())
                .withFeatureConfig(FeatureConfig.newBuilder()
                        .add(JinjavaInterpreter.OUTPUT_UNDEFINED_VARIABLES_ERROR, FeatureStrategies.ACTIVE)
                        .build())
                .withElResolver(new jinjava.javax.el.CompositeELResolver() {
                    {
                        add(new DbtResolver());
                        add(com.hubspot.jinjava.el.JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_WRITE);
                    }
                })
                .withInterperterFactory(new DbtInterpreter.Factory())
                .withNodePreProcessor((node, interpreter) -> {
                    if (node instanceof com.hubspot.jinjava.tree.ExpressionNode && interpreter instanceof DbtInterpreter dbt) {
                        dbt.markOutput(node.getLineNumber());
                    }
                })
                .build();
    }

    /** Compiles every library macro once; root project macros shadow the engine's by bare name. */
    private void compileLibrary(MacroLibrary library) {
        for (MacroDefinition definition : library.macros()) {
            TemplateMacro macro = compile(definition);
            packages.computeIfAbsent(definition.packageName(), p -> new LinkedHashMap<>()).put(definition.name(), macro);
        }
        Map<String, MacroFunction> dbt = packages.getOrDefault(DBT_PACKAGE, Map.of());
        dbt.values().forEach(parent::addGlobalMacro);
        packages.getOrDefault(settings.rootProjectName(), Map.of()).values().forEach(parent::addGlobalMacro);
        for (Map.Entry<String, Map<String, MacroFunction>> pkg : packages.entrySet()) {
            Map<String, MacroFunction> macros = Map.copyOf(pkg.getValue());
            pkg.setValue(macros);
            parent.put(pkg.getKey(), new ContextObjects.Namespace(pkg.getKey(), macros));
            boolean global = pkg.getKey().equals(DBT_PACKAGE) || pkg.getKey().equals(settings.rootProjectName());
            if (!global) {
                macros.values().forEach(m -> ((TemplateMacro) m).packageMacros(macros));
            }
        }
    }

    private TemplateMacro compile(MacroDefinition definition) {
        Context scratch = new Context(parent);
        DbtInterpreter interpreter = (DbtInterpreter) jinjava.getGlobalConfig().getInterpreterFactory()
                .newInstance(jinjava, scratch, jinjava.getGlobalConfig());
        RenderState state = new RenderState(this, new NoScope(),
                new RenderState.Frame(null, definition.file(), definition.line() - 1));
        interpreter.state(state);
        JinjavaInterpreter.pushCurrent(interpreter);
        TemplatePreprocessor.UnknownFilter unknown = TemplatePreprocessor.unknownFilter(definition.source(), parent);
        if (unknown != null) {
            throw state.error("No filter named '" + unknown.name() + "'", unknown.line());
        }
        try {
            interpreter.render(TemplatePreprocessor.rewriteCalls(MacroFiles.asMacroBlock(definition)));
            for (TemplateError error : interpreter.getErrors()) {
                if (ErrorTranslator.isFailure(error)) {
                    throw ErrorTranslator.translate(error, state);
                }
            }
        } catch (TemplateAbort abort) {
            throw abort.error();
        } finally {
            JinjavaInterpreter.popCurrent();
        }
        MacroFunction compiled = scratch.getGlobalMacros().get(definition.name());
        if (!(compiled instanceof TemplateMacro macro)) {
            throw ModelException.internal("macro " + definition.uniqueId() + " did not compile", null);
        }
        return macro;
    }

    JinjaSettings settings() {
        return settings;
    }

    /** Replaces secret env values in text meant for logs or errors. */
    String scrub(String text) {
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, "*****");
        }
        return out;
    }

    Optional<MacroFunction> macro(String packageName, String name) {
        return Optional.ofNullable(packages.getOrDefault(packageName, Map.of()).get(name));
    }

    /** dbt's dispatch search: packages from {@code dispatch:} config or root then namespace; adapter prefix then {@code default__}. */
    MacroFunction resolveDispatch(String name, String namespace, RenderState state) {
        List<String> searchOrder = new ArrayList<>();
        String target = namespace == null ? DBT_PACKAGE : namespace;
        if (namespace != null && settings.dispatchOrder().containsKey(namespace)) {
            searchOrder.addAll(settings.dispatchOrder().get(namespace));
        } else {
            searchOrder.add(settings.rootProjectName());
            searchOrder.add(target);
        }
        if (!searchOrder.contains(target)) {
            searchOrder.add(target);
        }
        List<String> prefixes = List.of(settings.adapterType() + "__", "default__");
        List<String> searched = new ArrayList<>();
        for (String pkg : searchOrder) {
            for (String prefix : prefixes) {
                Optional<MacroFunction> found = macro(pkg, prefix + name);
                if (found.isPresent()) {
                    return found.get();
                }
                searched.add("'" + pkg + "." + prefix + name + "'");
            }
        }
        throw new ModelException(ErrorCategory.PROJECT, "In dispatch: No macro named '" + name + "' found within namespace: '"
                + target + "'; searched for: " + String.join(", ", searched), null);
    }

    /** Runs {@code sql}; null while parsing ({@code execute} false), as dbt's run_query returns None then. */
    QueryRunner.QueryTable runQuery(String sql, boolean fetch, RenderState state) {
        if (!state.scope().execute()) {
            return null;
        }
        Optional<QueryRunner> runner = state.scope().queries();
        if (runner.isEmpty()) {
            throw ContextObjects.noWarehouse();
        }
        return runner.get().execute(sql, fetch);
    }

    /**
     * The parsed tree of a template. Parsing is a good part of a render, and every model is
     * rendered twice (parse, then compile), so trees that parsed cleanly are kept; jinjava's
     * nodes hold no render state, as the shared macro bodies already rely on.
     */
    com.hubspot.jinjava.tree.Node parse(String template, DbtInterpreter interpreter) {
        com.hubspot.jinjava.tree.Node cached = parsed.get(template);
        if (cached != null) {
            return cached;
        }
        int errorsBefore = interpreter.getErrors().size();
        com.hubspot.jinjava.tree.Node tree = interpreter.parse(TemplatePreprocessor.rewriteCalls(template));
        if (interpreter.getErrors().size() == errorsBefore) {
            if (parsed.size() >= MAX_CACHED_TREES) {
                parsed.clear();
            }
            parsed.put(template, tree);
        }
        return tree;
    }

    /** A new interpreter over a fresh child context of the shared parent. */
    DbtInterpreter newInterpreter(RenderState state) {
        Context context = new Context(parent);
        context.put("execute", state.scope().execute());
        state.scope().self().ifPresent(self -> context.put("this", self));
        state.scope().extraContext().forEach(context::put);
        DbtInterpreter interpreter = (DbtInterpreter) jinjava.getGlobalConfig().getInterpreterFactory()
                .newInstance(jinjava, context, jinjava.getGlobalConfig());
        interpreter.state(state);
        return interpreter;
    }

    Context parent() {
        return parent;
    }

    /** The scope of a macro being compiled: nothing runs then. */
    private static final class NoScope implements RenderScope {
        @Override
        public dev.model.adapter.Relation ref(dev.model.parse.RefCall call) {
            throw ModelException.internal("ref while compiling a macro", null);
        }

        @Override
        public dev.model.adapter.Relation source(dev.model.parse.SourceCall call) {
            throw ModelException.internal("source while compiling a macro", null);
        }

        @Override
        public void config(Map<String, Object> kwargs) {
        }

        @Override
        public Object configGet(String key, Object fallback) {
            return fallback;
        }

        @Override
        public Optional<dev.model.adapter.Relation> self() {
            return Optional.empty();
        }

        @Override
        public boolean isIncremental() {
            return false;
        }

        @Override
        public boolean execute() {
            return false;
        }

        @Override
        public Optional<QueryRunner> queries() {
            return Optional.empty();
        }
    }
}
