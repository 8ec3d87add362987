using System.Diagnostics;
using Purser.Bench;
using Purser.Engine;

// purser-bench NAME [--quick] [--rounds N] [--profiles N]: one benchmark, Purser and its baseline interleaved.
// Exits 0 when it ran and its correctness checks held; timings are reported, never judged here.
if (args.Length == 0 || args[0].StartsWith('-'))
{
    Console.Error.WriteLine("usage: Purser.Bench enforce|ledger|bal|ingest-lite|ingest-pg|run [--quick] [--rounds N] [--profiles N]");
    return 2;
}
var quick = args.Contains("--quick");
var options = new BenchOptions(quick, Option("--rounds", quick ? 1 : 3), Option("--profiles", quick ? 50 : 1_000));
var clock = Stopwatch.StartNew();
var ok = args[0] switch
{
    "enforce" => await EnforcementBenchmark.RunAsync(options),
    "ledger" => await LedgerBenchmark.RunAsync(options),
    "bal" => await BalanceBenchmark.RunAsync(options),
    "ingest-lite" => await IngestBenchmark.RunAsync(options, StorageEngine.Sqlite),
    "ingest-pg" => await IngestBenchmark.RunAsync(options, StorageEngine.Postgres),
    "run" => await RunBenchmark.RunAsync(options),
    _ => throw new ArgumentException($"Unknown benchmark '{args[0]}'."),
};
Stats.Line($"{args[0]}: {(ok ? "ran, checks held" : "CHECKS FAILED")} in {clock.Elapsed.TotalSeconds:0.0} s");
return ok ? 0 : 1;

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
}
