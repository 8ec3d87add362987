using System.CommandLine;
using Purser.Core.Calendar;
using Purser.Engine;
using Purser.Engine.Invoicing;
using Purser.Server.Downloads;

namespace Purser.Server.Cli;

/// <summary><c>purser export-recon --partner ID --period yyyy-MM [--out FILE]</c>: a partner's reconciliation file (R-RECON).</summary>
internal static class ExportReconVerb
{
    private static readonly Option<string> Partner = new("--partner") { Description = "The partner id.", Required = true };

    private static readonly Option<string> Period = new("--period") { Description = "The billing cycle: the month its periods start in, yyyy-MM.", Required = true };

    private static readonly Option<FileInfo?> Out = new("--out") { Description = "Write to this file. Default: reconciliation_{partner}_{period}.csv in the current folder." };

    public static Command Create()
    {
        var export = new Command("export-recon", "Write a partner's reconciliation file for one billing cycle as CSV.");
        StoreFlags.AddTo(export);
        export.Options.Add(Partner);
        export.Options.Add(Period);
        export.Options.Add(Out);
        export.SetAction(async (parse, ct) =>
        {
            var partner = parse.GetValue(Partner)!;
            if (!BillingCalendar.TryParseMonth(parse.GetValue(Period), out var year, out var month))
            {
                await Console.Error.WriteLineAsync($"purser export-recon: --period must be a month written yyyy-MM, not '{parse.GetValue(Period)}'.");
                return 2;
            }
            await using var store = new PurserStore(StoreFlags.ConnectionString(parse));
            await store.MigrateAsync(ct);
            var recon = new ReconciliationQueries(store);
            if (!await recon.PartnerExistsAsync(partner, ct))
            {
                await Console.Error.WriteLineAsync($"purser export-recon: no partner '{partner}'.");
                return 2;
            }
            var file = parse.GetValue(Out) ?? new FileInfo(ReconciliationCsv.FileName(partner, year, month));
            int rows;
            await using (var output = file.Create())
                rows = await CsvWriter.WriteAsync(output, ReconciliationCsv.Header, recon.StreamAsync(partner, year, month, ct), ReconciliationCsv.Fields, ct);
            await Console.Out.WriteLineAsync($"Wrote {rows} line items to {file.FullName}.");
            return 0;
        });
        return export;
    }
}
