package dev.model.task;

import dev.model.adapter.Adapters;
import dev.model.adapter.WarehouseAdapter;
import dev.model.adapter.WarehouseVersion;
import dev.model.error.ModelException;
import dev.model.log.Log;
import dev.model.project.CliVars;
import dev.model.project.ProfileLoader;
import dev.model.project.ProjectConfig;
import dev.model.project.ProjectLoader;
import dev.model.project.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code model debug}: checks, as {@code dbt debug} does, that the project and profile load and
 * that the warehouse answers, and says where each file was found. Every check runs even when an
 * earlier one failed, where it can; a failure becomes a line of the report, not an exception.
 * Secret settings (passwords, tokens, keys) show as {@code ****}, and their values are removed
 * from any message a driver returns.
 */
public final class DebugTask {

    static final String MASK = "****";

    /**
     * The report.
     *
     * @param lines    what to print, in order, ending with {@code All checks passed!} or the failures
     * @param failures one message per failed check
     */
    public record Report(List<String> lines, List<String> failures) {

        public Report {
            lines = List.copyOf(lines);
            failures = List.copyOf(failures);
        }

        public boolean passed() {
            return failures.isEmpty();
        }
    }

    private final InvocationOptions options;
    private final Path workingDir;
    private final Log log;
    private final List<String> lines = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Set<String> secrets = new LinkedHashSet<>();

    private DebugTask(InvocationOptions options, Path workingDir, Log log) {
        this.options = options;
        this.workingDir = workingDir;
        this.log = log;
    }

    /** The folder profiles.yml is read from: where it was found, else the first place looked. */
    public static Path profilesDirectory(InvocationOptions options) {
        List<Path> searched = searched(options);
        return searched.stream()
                .filter(dir -> Files.isRegularFile(dir.resolve(ProfileLoader.FILE_NAME)))
                .findFirst()
                .orElse(searched.get(0));
    }

    /** Runs every check; never throws for a failed check. */
    public static Report run(InvocationOptions options, Path workingDir, Log log) {
        return new DebugTask(options, workingDir, log).check();
    }

    private Report check() {
        lines.add("model version: " + engineVersion());
        lines.add("Java version: " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        lines.add("os info: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        Path profilesDir = profilesDirectory(options);
        Path profilesFile = profilesDir.resolve(ProfileLoader.FILE_NAME);
        Path projectFile = options.projectDir().toAbsolutePath().normalize().resolve("dbt_project.yml");
        lines.add("Using profiles dir at " + profilesDir);
        lines.add("Using profiles.yml file at " + profilesFile);
        lines.add("Using dbt_project.yml file at " + projectFile);

        lines.add("Configuration:");
        Optional<ProjectConfig> project = loadProject(projectFile);
        Optional<Target> target = project.flatMap(config -> loadProfile(config, profilesFile));
        if (target.isPresent()) {
            testConnection(target.get());
        }
        lines.add("");
        if (failures.isEmpty()) {
            lines.add("All checks passed!");
        } else {
            lines.add(failures.size() + (failures.size() == 1 ? " check" : " checks") + " failed:");
            failures.forEach(failure -> lines.add(failure + "\n"));
        }
        return new Report(lines.stream().map(this::withoutSecrets).toList(),
                failures.stream().map(this::withoutSecrets).toList());
    }

    private Optional<ProjectConfig> loadProject(Path projectFile) {
        if (!Files.isRegularFile(projectFile)) {
            lines.add("  dbt_project.yml file [ERROR not found]");
            failures.add("Could not find dbt_project.yml in " + projectFile.getParent()
                    + " (use --project-dir to point at the project)");
            if (!Files.isRegularFile(profilesDirectory(options).resolve(ProfileLoader.FILE_NAME))) {
                profileNotFound();
            }
            return Optional.empty();
        }
        try {
            Map<String, Object> cliVars = options.vars().map(CliVars::parse).orElse(Map.of());
            ProjectConfig config = ProjectLoader.load(options.projectDir(), log, options.env(), cliVars);
            lines.add("  dbt_project.yml file [OK found and valid]");
            return Optional.of(config);
        } catch (ModelException invalid) {
            lines.add("  dbt_project.yml file [ERROR invalid]");
            failures.add("Project loading failed for the following reason:\n" + invalid.describe());
            return Optional.empty();
        }
    }

    private Optional<Target> loadProfile(ProjectConfig project, Path profilesFile) {
        if (!Files.isRegularFile(profilesFile)) {
            profileNotFound();
            return Optional.empty();
        }
        String profileName = project.profile() == null ? project.name() : project.profile();
        try {
            Target target = ProfileLoader.load(project, options.profilesDir(), options.target(), options.env(),
                    options.home());
            collectSecrets(target.settings());
            lines.add("  profiles.yml file [OK found and valid]");
            lines.add("  profile: " + profileName + " [OK found]");
            lines.add("  target: " + target.name() + " [OK found]");
            return Optional.of(options.threads().map(target::withThreads).orElse(target));
        } catch (ModelException invalid) {
            lines.add("  profiles.yml file [ERROR invalid]");
            failures.add("Profile loading failed for the following reason:\n" + invalid.describe());
            return Optional.empty();
        }
    }

    private void profileNotFound() {
        lines.add("  profiles.yml file [ERROR not found]");
        failures.add("Could not find profiles.yml; looked in " + String.join(", ",
                searched(options).stream().map(Path::toString).toList())
                + ". Create one there, or point at it with --profiles-dir");
    }

    private void testConnection(Target target) {
        lines.add("Connection:");
        lines.add("  type: " + target.type());
        lines.add("  database: " + target.database());
        lines.add("  schema: " + target.schema());
        lines.add("  threads: " + target.threads());
        target.settings().forEach((key, value) -> {
            if (!List.of("type", "database", "schema", "threads").contains(key)) {
                lines.add("  " + key + ": " + shown(key, value));
            }
        });
        try (WarehouseAdapter adapter = Adapters.discover().open(target, workingDir, log)) {
            adapter.testConnection();
            WarehouseVersion version = adapter.version();
            lines.add("  driver: " + version.driver());
            lines.add("  server: " + version.server());
            lines.add("  Connection test: [OK connection ok]");
        } catch (ModelException unreachable) {
            lines.add("  Connection test: [ERROR]");
            failures.add("model was unable to connect to the specified database.\n"
                    + "The database returned the following error:\n\n  >" + unreachable.describe()
                    + "\n\nCheck your database credentials and try again.");
        }
    }

    /** A setting as printed: secrets masked, also inside nested settings. */
    private static Object shown(String key, Object value) {
        if (Target.isSecret(key)) {
            return MASK;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), shown(String.valueOf(k), v)));
            return out;
        }
        return value;
    }

    /** Values of secret settings, to remove from driver messages; short ones would mask half the report. */
    private void collectSecrets(Map<?, ?> settings) {
        settings.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                collectSecrets(nested);
            } else if (Target.isSecret(String.valueOf(key)) && value != null && value.toString().length() >= 4) {
                secrets.add(value.toString());
            }
        });
    }

    private String withoutSecrets(String text) {
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        return out;
    }

    private static List<Path> searched(InvocationOptions options) {
        return ProfileLoader.searchedDirectories(options.projectDir(), options.profilesDir(), options.env(),
                options.home());
    }

    private static String engineVersion() {
        String version = DebugTask.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }
}
