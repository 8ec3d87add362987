using Purser.Engine;
using Xunit;

namespace Purser.Testing;

/// <summary>Theory data that runs a storage test once on each engine; the engine shows in the test name.</summary>
public static class Engines
{
    public static TheoryData<StorageEngine> All => new(StorageEngine.Sqlite, StorageEngine.Postgres);
}
