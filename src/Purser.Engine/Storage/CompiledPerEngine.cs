namespace Purser.Engine.Storage;

/// <summary>
/// A hot query compiled once for each engine's model, so a call skips LINQ translation and the query cache's lookup.
/// A compiled query keeps the SQL of the first model it meets, and one process can hold both engines (the tests do).
/// </summary>
internal sealed class CompiledPerEngine<TQuery>(Func<TQuery> compile)
    where TQuery : Delegate
{
    private readonly TQuery _sqlite = compile();
    private readonly TQuery _postgres = compile();

    public TQuery For(PurserDbContext db) => db is SqlitePurserDbContext ? _sqlite : _postgres;
}
