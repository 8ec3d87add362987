using System.Collections.Concurrent;
using Purser.Engine;
using Purser.Testing;

namespace Purser.Server.Tests.Reliability;

/// <summary>
/// One seeded server per engine for all the tests of a class (xUnit runs them one at a time, so
/// whole-database snapshots stay meaningful; its background work is stopped once the world is built); <see cref="Next"/> keeps generated names unique across them.
/// </summary>
public sealed class ServerPerEngine : IAsyncLifetime
{
    private readonly ConcurrentDictionary<StorageEngine, Lazy<Task<(PurserApi Api, SeededWorld World)>>> _servers = [];
    private int _counter = 1000;

    internal Task<(PurserApi Api, SeededWorld World)> GetAsync(StorageEngine engine) =>
        _servers.GetOrAdd(engine, e => new Lazy<Task<(PurserApi, SeededWorld)>>(() => StartAsync(e))).Value;

    private static async Task<(PurserApi, SeededWorld)> StartAsync(StorageEngine engine)
    {
        var api = await PurserApi.StartAsync(engine, SeededWorld.Start);
        var world = await SeededWorld.CreateAsync(api);
        // The tests compare whole-database snapshots around each request: a minute job or worker finishing its own run
        // between two snapshots would look like a write of the request.
        await api.StopBackgroundWorkAsync();
        return (api, world);
    }

    public int Next() => Interlocked.Increment(ref _counter);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var server in _servers.Values)
            await (await server.Value).Api.DisposeAsync();
    }
}
