namespace Purser.Server.Hosting;

/// <summary>
/// While <see cref="PurserHost.RunAsync"/> starts the host, the host's and Kestrel's own reports of a failed
/// start (the exception with its whole stack) are held back: RunAsync says what failed in one line instead.
/// Outside that window, and in hosts started otherwise (tests), every log line passes as usual.
/// </summary>
internal sealed class StartupLogs
{
    private volatile bool _starting;

    public void AddFilters(ILoggingBuilder logging)
    {
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", level => level >= LogLevel.Information && !(_starting && level >= LogLevel.Error));
        logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel", level => level >= LogLevel.Warning && !(_starting && level >= LogLevel.Critical));
    }

    public async Task StartAsync(WebApplication app, CancellationToken ct)
    {
        _starting = true;
        try
        {
            await app.StartAsync(ct);
        }
        finally
        {
            _starting = false;
        }
    }
}
