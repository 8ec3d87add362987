using System.Globalization;
using Purser.Engine.Usage;

namespace Purser.Server.Cli;

/// <summary>Feeds a usage CSV through ingestion batch by batch and prints what happened, line by line where something was wrong.</summary>
internal sealed class UsageImport(UsageIngestion ingestion, string source, bool partial, ImportProgress progress)
{
    private int _lines;
    private int _accepted;
    private int _duplicates;
    private readonly List<string> _problems = [];

    public async Task<int> RunAsync(TextReader reader, CancellationToken ct)
    {
        var batch = new List<UsageCsv.Line>(UsageLimits.MaxBatchSize);
        await foreach (var line in UsageCsv.ReadAsync(reader, ct))
        {
            _lines++;
            if (line.Error is not null)
            {
                _problems.Add($"line {line.Number}: {line.Error}");
                if (!partial)
                    return await FinishAsync(stopped: true);
                continue;
            }
            batch.Add(line);
            if (batch.Count == UsageLimits.MaxBatchSize && !await SendAsync(batch, ct))
                return await FinishAsync(stopped: true);
        }
        if (batch.Count > 0 && !await SendAsync(batch, ct))
            return await FinishAsync(stopped: true);
        return await FinishAsync(stopped: false);
    }

    private async Task<bool> SendAsync(List<UsageCsv.Line> batch, CancellationToken ct)
    {
        var outcome = await ingestion.IngestAsync(new UsageBatch(source, [.. batch.Select(l => l.Event)], partial), ct);
        if (!outcome.IsAccepted)
        {
            _problems.Add($"lines {batch[0].Number}–{batch[^1].Number}: {outcome.Refusal.Message}");
            return false;
        }
        var (result, refused) = outcome.Value;
        _problems.AddRange(result.Errors.Select(e => $"line {batch[e.Index].Number}: {e.Message}"));
        _accepted += result.Accepted;
        _duplicates += result.Duplicates.Count;
        batch.Clear();
        progress.Report(_accepted, _duplicates);
        return !refused;
    }

    private async Task<int> FinishAsync(bool stopped)
    {
        progress.Done();
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{_lines:N0} lines read: {_accepted:N0} events imported, {_duplicates:N0} duplicates skipped, {_problems.Count:N0} problems.");
        await Console.Out.WriteLineAsync(summary);
        foreach (var problem in _problems.Take(50))
            await Console.Error.WriteLineAsync("  " + problem);
        if (_problems.Count > 50)
            await Console.Error.WriteLineAsync($"  … and {_problems.Count - 50} more.");
        if (stopped)
            await Console.Error.WriteLineAsync("Import stopped; events before the failing batch are stored. Fix the file and run it again: imported events are skipped as duplicates.");
        return _problems.Count == 0 ? 0 : 1;
    }
}
