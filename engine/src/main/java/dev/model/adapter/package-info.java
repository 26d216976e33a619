/**
 * The warehouse SPI: the last stage of a run, used by materializations, the scheduler, seeds
 * and {@code model debug}.
 *
 * <pre>{@code
 * WarehouseAdapter adapter = Adapters.discover().open(target, projectDir, log); // by profile type
 * try (Session session = adapter.openSession(node.uniqueId());               // one per worker/node
 *      Session.QueryTagScope tag = session.withQueryTag(queryTag)) {          // no-op without QUERY_TAG
 *     session.createSchemaIfMissing(null, schema);
 *     Relation target = adapter.relation(null, schema, alias);
 *     Optional<Relation> existing = session.getRelation(target);             // TABLE / VIEW
 *     if (adapter.supports(Capability.TRANSACTIONAL_DDL)) {
 *         session.executeInTransaction(List.of(createTemp, dropOld, renameTemp));
 *     } else {
 *         session.execute(createOrReplace);
 *     }
 *     QueryRunner runQuery = session.queryRunner();                          // for templates
 * }
 * adapter.cancelAll();                                                       // Ctrl-C, --fail-fast
 * }</pre>
 *
 * <p>Every failure is a {@link dev.model.error.ModelException} of category WAREHOUSE whose message
 * names the statement (first 200 characters) and relation. A new warehouse is a final subclass of
 * {@link dev.model.adapter.AbstractJdbcAdapter} overriding the hooks whose SQL differs, plus an
 * {@link dev.model.adapter.AdapterFactory} listed in
 * {@code META-INF/services/dev.model.adapter.AdapterFactory}.
 */
package dev.model.adapter;
