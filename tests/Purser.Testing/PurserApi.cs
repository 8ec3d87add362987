using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Purser.Engine;
using Purser.Engine.Access;
using Purser.Engine.Accounts;
using Purser.Server.Hosting;
using Purser.Server.Notifications;

namespace Purser.Testing;

/// <summary>
/// A real Purser server on a loopback port over a fresh database of one engine, with a clock
/// the test moves and an operator token ready.
/// </summary>
public sealed class PurserApi : IAsyncDisposable
{
    private const string OperatorEmail = "operator@test.purser";
    private WebApplication _app;
    private readonly bool _ownsDatabase;
    private readonly MailSettings? _mail;
    private readonly Action<WebApplicationBuilder>? _configure;

    private PurserApi(WebApplication app, TestDatabase database, FakeTimeProvider clock, string baseAddress, bool ownsDatabase, MailSettings? mail,
        Action<WebApplicationBuilder>? configure)
    {
        _app = app;
        _mail = mail;
        _configure = configure;
        _ownsDatabase = ownsDatabase;
        Database = database;
        Clock = clock;
        BaseAddress = baseAddress;
    }

    public TestDatabase Database { get; }
    public FakeTimeProvider Clock { get; }
    public string BaseAddress { get; }
    public string OperatorToken { get; private set; } = "";
    public IServiceProvider Services => _app.Services;

    /// <param name="mail">Where the server's outbox worker sends e-mail; null runs no outbox worker.</param>
    /// <param name="configure">More services for the server (a test's trace exporter), after the server's own.</param>
    public static async Task<PurserApi> StartAsync(StorageEngine engine, DateTimeOffset? now = null, MailSettings? mail = null,
        Action<WebApplicationBuilder>? configure = null) =>
        await StartAsync(await TestDatabase.CreateAsync(engine), now ?? new DateTimeOffset(2019, 9, 1, 0, 0, 0, TimeSpan.Zero), ownsDatabase: true, mail, configure);

    /// <summary>A server on a database the caller keeps: disposing the server leaves it (and the operator user and token made here) in place.</summary>
    public static Task<PurserApi> StartOnAsync(TestDatabase database, DateTimeOffset now) => StartAsync(database, now, ownsDatabase: false);

    private static async Task<PurserApi> StartAsync(TestDatabase database, DateTimeOffset now, bool ownsDatabase, MailSettings? mail = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var clock = new FakeTimeProvider(now);
        var address = $"http://127.0.0.1:{PurserProcess.FreePort()}";
        var app = await StartAppAsync(database, clock, address, mail, configure);
        var api = new PurserApi(app, database, clock, address, ownsDatabase, mail, configure);
        api.OperatorToken = await OperatorTokenAsync(app.Services.GetRequiredService<AccountCommands>());
        return api;
    }

    /// <summary>A new operator token on <paramref name="database"/>, written straight to it: for servers that are <see cref="PurserProcess"/>es.</summary>
    public static Task<string> OperatorTokenAsync(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return OperatorTokenAsync(new AccountCommands(database.Store, TimeProvider.System, new CallerCache(TimeProvider.System)));
    }

    private static async Task<string> OperatorTokenAsync(AccountCommands commands)
    {
        // A database that an earlier server prepared (a copy of a built world) has its operator already.
        var operatorId = (await commands.FindUserAsync(OperatorEmail, default))?.Id
            ?? (await commands.CreateUserAsync(new NewUser(null, OperatorEmail, null, null, null, null, null, true, null), default)).Value.Id;
        return (await commands.CreateTokenAsync(new NewApiToken(operatorId, "test", null), default)).Value.Token!;
    }

    /// <summary>Stops the server and starts a new one on the same database, address and clock: what survives is what was stored.</summary>
    public async Task RestartAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = await StartAppAsync(Database, Clock, BaseAddress, _mail, _configure);
    }

    /// <summary>
    /// Stops the server's background services (the minute jobs, rating and outbox workers) and waits for them to end, while
    /// the API keeps answering: from here on only requests write, so whole-database snapshots compare what a request did.
    /// </summary>
    public async Task StopBackgroundWorkAsync()
    {
        foreach (var service in _app.Services.GetServices<IHostedService>().OfType<BackgroundService>())
            await service.StopAsync(CancellationToken.None);
    }

    /// <summary>Moves the clock forward to <paramref name="instant"/>; a clock already past it stays where it is (it never goes back).</summary>
    public void AdvanceClockTo(DateTimeOffset instant)
    {
        if (Clock.GetUtcNow() < instant)
            Clock.SetUtcNow(instant);
    }

    /// <summary>Another server on the same database and clock, on its own port: a second process of a deployment.</summary>
    public Task<WebApplication> StartPeerAsync() => StartAppAsync(Database, Clock, $"http://127.0.0.1:{PurserProcess.FreePort()}", _mail, _configure);

    private static async Task<WebApplication> StartAppAsync(TestDatabase database, FakeTimeProvider clock, string address, MailSettings? mail,
        Action<WebApplicationBuilder>? configure)
    {
        var app = PurserHost.Build(new ServerSettings(database.ConnectionString, address, LoadDemoWhenEmpty: false, ScheduleBilling: false, Mail: mail), b =>
        {
            b.Services.AddSingleton<TimeProvider>(clock);
            configure?.Invoke(b);
        });
        await app.StartAsync();
        return app;
    }

    public HttpClient Client(string? token) => Client(BaseAddress, token);

    /// <summary>A client of any Purser server (a <see cref="PurserProcess"/> too), with a bearer token when given.</summary>
    public static HttpClient Client(string baseAddress, string? token)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
        if (token is not null)
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public HttpClient Operator() => Client(OperatorToken);

    /// <summary>POSTs JSON with a fresh idempotency key, as every mutating operator call needs one.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, object body, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString());
        return http.SendAsync(request);
    }

    /// <summary>POSTs with a fresh idempotency key and expects 201 Created; any other answer fails with the body.</summary>
    public static async Task<System.Text.Json.JsonElement> CreatedAsync(HttpClient http, string path, object body)
    {
        var response = await PostAsync(http, path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
        return System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsDatabase)
            await Database.DisposeAsync();
    }
}
