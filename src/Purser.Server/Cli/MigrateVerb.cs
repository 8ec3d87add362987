using System.CommandLine;
using Purser.Engine;
using Purser.Server.Hosting.Configuration;

namespace Purser.Server.Cli;

internal static class MigrateVerb
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Create or upgrade the database schema, then exit.");
        StoreFlags.AddTo(migrate);
        migrate.SetAction(async (parse, ct) =>
        {
            var cs = StoreFlags.ConnectionString(parse);
            await using var store = new PurserStore(cs);
            await store.MigrateAsync(ct);
            await Console.Out.WriteLineAsync($"Migrated {StorageOptions.Describe(cs)}.");
            return 0;
        });
        return migrate;
    }
}
