namespace Purser.Bench;

/// <summary>How much to run: <see cref="Quick"/> is the small pass ./test.sh makes so the benchmarks never rot.</summary>
internal sealed record BenchOptions(bool Quick, int Rounds, int Profiles)
{
    /// <summary>Sizes by mode: the quick pass checks that everything runs and agrees, the full one measures.</summary>
    public T Pick<T>(T quick, T full) => Quick ? quick : full;
}
