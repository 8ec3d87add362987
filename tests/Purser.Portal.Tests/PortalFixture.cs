using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Purser.Engine;
using Purser.Engine.Access;
using Purser.Engine.Accounts;
using Purser.Engine.Billing;
using Purser.Engine.Demo;
using Purser.Engine.Notifications;
using Purser.Engine.Telemetry;
using Purser.Testing;

namespace Purser.Portal.Tests;

/// <summary>
/// One Purser server over the demo (on SQLite, dated today so the demo's usage is recent) and one
/// headless system Chromium, shared by the portal tests; each test opens its own browser context.
/// A test that must run on each engine starts its own with <see cref="StartAsync"/>.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly StorageEngine _engine;
    private IPlaywright? _playwright;

    public PortalFixture() : this(StorageEngine.Sqlite)
    {
    }

    private PortalFixture(StorageEngine engine) => _engine = engine;

    /// <summary>A server of its own over the demo on <paramref name="engine"/>, with its own browser; the caller disposes it.</summary>
    public static async Task<PortalFixture> StartAsync(StorageEngine engine)
    {
        var fixture = new PortalFixture(engine);
        await fixture.InitializeAsync();
        return fixture;
    }

    public PurserApi Api { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public IReadOnlyDictionary<string, string> Passwords { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        // Never fetch a browser build: the system Chromium (Debian's chromium package, installed by test.sh) is the browser.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Api = await PurserApi.StartAsync(_engine, DateTimeOffset.UtcNow);
        var signIns = await new DemoLoader(Api.Services.GetRequiredService<PurserStore>(), Api.Clock, Api.Services.GetRequiredService<InvoiceSettings>(),
                Api.Services.GetRequiredService<CreditAlertMails>(), Api.Services.GetRequiredService<PurserMetrics>())
            .LoadWithSignInsAsync() ?? throw new InvalidOperationException("The demo did not load into the fresh database.");
        Passwords = signIns.ToDictionary(s => s.Email, s => s.Password);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser (no cookies) at desktop or phone size.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Api.BaseAddress,
            ViewportSize = phone ? new ViewportSize { Width = 375, Height = 740 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
        });
        // Below Playwright's default 30 s so a step that cannot happen fails sooner, yet room for a loaded CI
        // machine to hash a password and render a first page.
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>A bearer token for a demo user, to read the API's figures as that same user.</summary>
    public async Task<HttpClient> ApiClientForAsync(string email)
    {
        var accounts = Api.Services.GetRequiredService<AccountCommands>();
        var user = await accounts.FindUserAsync(email, default) ?? throw new InvalidOperationException($"No demo user {email}.");
        var token = (await accounts.CreateTokenAsync(new NewApiToken(user.Id, "portal-test", null), default)).Value.Token!;
        return Api.Client(token);
    }

    /// <summary>The ARM names of a billing profile and its account, to ask the API about it.</summary>
    public async Task<BillingScope> ProfileScopeAsync(Guid profileId) =>
        await Api.Services.GetRequiredService<ScopeResolver>().FindProfileAsync(profileId, default)
            ?? throw new InvalidOperationException($"No billing profile {profileId}.");

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Api is not null)
            await Api.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "Portal";
}
