using System.Globalization;

namespace Purser.Server.Cli;

/// <summary>A one-line progress bar on stderr, drawn only when stderr is a terminal so logs and pipes stay clean.</summary>
internal sealed class ProgressBar
{
    private const int Width = 30;
    private readonly bool _interactive = !Console.IsErrorRedirected;

    public void Draw(double done, double total, string status)
    {
        if (!_interactive || total <= 0)
            return;
        var fraction = Math.Clamp(done / total, 0, 1);
        var filled = (int)(fraction * Width);
        Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', filled)}{new string('.', Width - filled)}] {fraction,4:P0}  {status}"));
    }

    public void Done()
    {
        if (_interactive)
            Console.Error.WriteLine();
    }
}
