using System.CommandLine;
using Purser.Engine;
using Purser.Engine.Usage;
using Purser.Engine.Telemetry;

namespace Purser.Server.Cli;

/// <summary>
/// <c>purser import-usage FILE</c>: a usage CSV into the store in batches of 1,000, with a
/// progress bar and a summary. A batch with invalid events stops the import (earlier batches
/// stay); fix the file and run it again — events already imported come back as duplicates.
/// </summary>
internal static class ImportUsageVerb
{
    private static readonly Argument<FileInfo> File = new("file") { Description = "CSV: eventId,subscriptionId,meterId,quantity,timestamp[,resourceId[,tags]]" };

    private static readonly Option<string> Source = new("--source")
    {
        Description = "The reporting source; event ids are unique per source.",
        DefaultValueFactory = _ => UsageLimits.DefaultSource,
    };

    private static readonly Option<bool> Partial = new("--partial") { Description = "Keep the valid events of a batch and list the invalid ones instead of stopping." };

    public static Command Create()
    {
        var import = new Command("import-usage", "Import a usage CSV file (idempotent by event id).");
        import.Arguments.Add(File);
        StoreFlags.AddTo(import);
        import.Options.Add(Source);
        import.Options.Add(Partial);
        import.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(File)!;
            if (!file.Exists)
            {
                await Console.Error.WriteLineAsync($"purser import-usage: no such file: {file.FullName}");
                return 2;
            }
            await using var store = new PurserStore(StoreFlags.ConnectionString(parse));
            await store.MigrateAsync(ct);
            using var signal = new RatingSignal();
            var ingestion = new UsageIngestion(store, TimeProvider.System, signal, new PurserMetrics());
            using var reader = file.OpenText();
            var progress = new ImportProgress(file.Length, () => reader.BaseStream.Position);
            return await new UsageImport(ingestion, parse.GetValue(Source)!, parse.GetValue(Partial), progress).RunAsync(reader, ct);
        });
        return import;
    }
}
