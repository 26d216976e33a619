package dev.model.cli;

import java.nio.file.Path;

/**
 * A dbt-shaped project of {@code models} models for scale tests: a source, a staging tier on it,
 * an intermediate tier joining one to three staging models, and marts on the intermediate tier.
 * Deterministic, so a failure can be reproduced.
 */
final class TestingBigProject {

    private TestingBigProject() {
    }

    static TestingProject create(Path dir, int models) {
        TestingProject project = TestingProject.create(dir);
        int staging = models / 5;
        int intermediate = models / 2;
        int marts = models - staging - intermediate;
        StringBuilder sources = new StringBuilder("version: 2\nsources:\n  - name: raw\n    tables:\n");
        for (int i = 0; i < 100; i++) {
            sources.append("      - name: t").append(i).append('\n');
        }
        project.file("models/staging/_sources.yml", sources.toString());
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < staging; i++) {
            project.file("models/staging/stg_" + i + ".sql",
                    "select id, a, b from {{ source('raw', 't" + (i % 100) + "') }}\n");
        }
        for (int i = 0; i < intermediate; i++) {
            int first = random.nextInt(staging);
            int second = random.nextInt(staging);
            project.file("models/intermediate/int_" + i + ".sql", "select s.id, s.a, t.b from {{ ref('stg_" + first
                    + "') }} s join {{ ref('stg_" + second + "') }} t on s.id = t.id\n");
        }
        for (int i = 0; i < marts; i++) {
            project.file("models/marts/mart_" + i + ".sql", "{{ config(materialized='table', tags=['marts']) }}\n"
                    + "with base as (select * from {{ ref('int_" + random.nextInt(intermediate) + "') }})\n"
                    + "select id, a, b, a + b as total from base\n");
        }
        return project;
    }
}
