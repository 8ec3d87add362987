using System.Globalization;

namespace Purser.Server.Cli;

/// <summary>A one-line progress bar on stderr, drawn only when stderr is a terminal so logs and pipes stay clean.</summary>
internal sealed class ImportProgress(long totalBytes, Func<long> bytesRead)
{
    private const int Width = 30;
    private readonly bool _interactive = !Console.IsErrorRedirected;

    public void Report(int accepted, int duplicates)
    {
        if (!_interactive || totalBytes == 0)
            return;
        var fraction = Math.Clamp(bytesRead() / (double)totalBytes, 0, 1);
        var filled = (int)(fraction * Width);
        Console.Error.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r[{new string('#', filled)}{new string('.', Width - filled)}] {fraction,4:P0}  {accepted:N0} imported, {duplicates:N0} duplicates"));
    }

    public void Done()
    {
        if (_interactive)
            Console.Error.WriteLine();
    }
}
