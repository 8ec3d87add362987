using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Purser.Engine;
using Purser.Engine.Accounts;
using Purser.Server.Hosting;
using Purser.Testing;

namespace Purser.Bench;

/// <summary>
/// A Purser server on a loopback port over a store of one engine, on the real clock, with an operator
/// token: what every HTTP benchmark talks to. <paramref name="extra"/> maps benchmark-only endpoints
/// (a baseline) before it starts, so they sit behind the same authentication as the real ones.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchServer(WebApplication app, string address, string token)
    {
        _app = app;
        Address = address;
        Token = token;
    }

    public string Address { get; }
    public string Token { get; }
    public IServiceProvider Services => _app.Services;
    public PurserStore Store => _app.Services.GetRequiredService<PurserStore>();

    public static async Task<BenchServer> StartAsync(TestDatabase database, Action<WebApplication>? extra = null)
    {
        var address = $"http://127.0.0.1:{PurserProcess.FreePort()}";
        var app = PurserHost.Build(new ServerSettings(database.ConnectionString, address, LoadDemoWhenEmpty: false, ScheduleBilling: false),
            b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        extra?.Invoke(app);
        await app.StartAsync();
        var accounts = app.Services.GetRequiredService<AccountCommands>();
        var email = "bench@purser.local";
        var op = (await accounts.FindUserAsync(email, default))?.Id
            ?? (await accounts.CreateUserAsync(new NewUser(null, email, null, null, null, null, null, true, null), default)).Value.Id;
        var token = (await accounts.CreateTokenAsync(new NewApiToken(op, "bench", null), default)).Value.Token!;
        return new BenchServer(app, address, token);
    }

    /// <summary>A client with the operator token; connections are kept alive and reused, as a load generator's are.</summary>
    public HttpClient Client(bool withToken = true)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(Address), Timeout = TimeSpan.FromSeconds(60),
        };
        if (withToken)
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
