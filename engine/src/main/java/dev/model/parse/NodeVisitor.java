package dev.model.parse;

/**
 * One method per kind of {@link Node}. Java 17 has no pattern switch, so code that must treat
 * every kind implements this: a new kind of node then fails to compile until every visitor
 * handles it, which is what an exhaustive switch would give.
 */
public interface NodeVisitor<R> {

    R model(ModelNode model);

    R seed(SeedNode seed);

    R snapshot(SnapshotNode snapshot);

    R test(TestNode test);

    R source(SourceNode source);
}
