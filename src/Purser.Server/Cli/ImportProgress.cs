using System.Globalization;

namespace Purser.Server.Cli;

/// <summary>An import's progress: how much of the file was read, and what became of its events.</summary>
internal sealed class ImportProgress(long totalBytes, Func<long> bytesRead)
{
    private readonly ProgressBar _bar = new();

    public void Report(int accepted, int duplicates) =>
        _bar.Draw(bytesRead(), totalBytes, string.Create(CultureInfo.InvariantCulture, $"{accepted:N0} imported, {duplicates:N0} duplicates"));

    public void Done() => _bar.Done();
}
