package dev.model.parse;

import dev.model.error.SourceLocation;
import dev.model.log.Log;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Warns about a config key dbt does not know, once per key and file: a typo in a folder config of
 * dbt_project.yml applies to thousands of nodes but deserves one line.
 */
final class UnknownConfigKeys {

    private final Log log;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    UnknownConfigKeys(Log log) {
        this.log = log;
    }

    void check(String key, SourceLocation origin) {
        if (ConfigKeys.isKnown(key)) {
            return;
        }
        String file = origin == null ? "a config" : origin.file().toString();
        if (warned.add(file + "\u0000" + key)) {
            log.warn("Unknown config key '" + key + "' in " + file, origin);
        }
    }
}
