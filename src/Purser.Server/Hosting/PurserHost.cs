using System.Data.Common;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Connections;
using Purser.Engine;
using Purser.Engine.Billing;
using Purser.Engine.Demo;
using Purser.Engine.Notifications;
using Purser.Engine.Telemetry;
using Purser.Server.Arm;
using Purser.Server.Documents;
using Purser.Server.Downloads;
using Purser.Server.Hosting.Configuration;
using Purser.Server.Hosting.Security;
using Purser.Server.Notifications;
using Purser.Server.Operator;
using Purser.Server.Portal;

namespace Purser.Server.Hosting;

/// <summary>Builds and runs the web application: storage, health, and every face Purser shows.</summary>
public static partial class PurserHost
{
    /// <summary>The largest request body accepted: a full usage batch with room to spare, far below anything abusive.</summary>
    public const long MaxRequestBytes = 16 * 1024 * 1024;

    public static WebApplication Build(ServerSettings settings, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // PDFsharp keeps one font choice per process, fixed by the first invoice rendered: make it before any request can render one.
        InvoiceFonts.Use(new InvoiceFonts { CjkFontPath = settings.InvoiceCjkFont });
        // Named for the executable, not the entry assembly, so the static asset manifests (purser.staticwebassets.*.json) are found
        // when the server is hosted inside another process, as the tests host it.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(PurserHost).Assembly.GetName().Name,
            ContentRootPath = PurserConfiguration.ContentRoot,
        });
        if (settings.Configuration is { } configuration)
        {
            builder.Configuration.Sources.Clear();
            builder.Configuration.AddConfiguration(configuration);
        }
        // The portal's styles and scripts (its own and Fluent UI's) from the build output as from a published app.
        builder.WebHost.UseStaticWebAssets();
        builder.WebHost.UseUrls(settings.Urls);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.ShutdownTimeout);
        if (settings.JsonLogs)
            builder.Logging.ClearProviders().AddJsonConsole();
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var startupLogs = new StartupLogs();
        startupLogs.AddFilters(builder.Logging);
        builder.Services.AddSingleton(startupLogs);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => new PurserStore(settings.ConnectionString));
        builder.Services.AddPurserHealth();
        builder.Services.AddPurserEngine();
        builder.AddPurserTelemetry();
        builder.Services.AddPurserSecurity();
        builder.Services.AddOperatorDocs();
        builder.Services.AddPurserPortal();
        builder.Services.AddSingleton<Jobs.RatingWorker>();
        builder.Services.AddHostedService(s => s.GetRequiredService<Jobs.RatingWorker>());
        builder.Services.AddSingleton<Jobs.LifecycleSweepWorker>();
        builder.Services.AddHostedService(s => s.GetRequiredService<Jobs.LifecycleSweepWorker>());
        builder.Services.AddSingleton<Jobs.BillingScheduler>();
        if (settings.ScheduleBilling)
            builder.Services.AddHostedService(s => s.GetRequiredService<Jobs.BillingScheduler>());
        builder.Services.AddSingleton(new NotificationSettings(settings.WeeklyReminderHour));
        builder.Services.AddSingleton<IMailComposer, MailComposer>();
        builder.Services.AddSingleton<Jobs.WeeklyReminderJob>();
        builder.Services.AddHostedService(s => s.GetRequiredService<Jobs.WeeklyReminderJob>());
        builder.Services.AddSingleton<Jobs.ExpiringCreditJob>();
        builder.Services.AddHostedService(s => s.GetRequiredService<Jobs.ExpiringCreditJob>());
        builder.Services.AddSingleton<Jobs.BudgetRolloverJob>();
        builder.Services.AddHostedService(s => s.GetRequiredService<Jobs.BudgetRolloverJob>());
        builder.Services.AddSingleton<Jobs.StopReminderJob>();
        builder.Services.AddHostedService(s => s.GetRequiredService<Jobs.StopReminderJob>());
        builder.Services.AddHttpClient(Jobs.WebhookWorker.Client, c => c.Timeout = Engine.Webhooks.WebhookRetries.RequestTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        builder.Services.AddSingleton<Jobs.WebhookWorker>();
        builder.Services.AddHostedService(s => s.GetRequiredService<Jobs.WebhookWorker>());
        builder.Services.AddSingleton<MailAttachments>();
        builder.Services.AddSingleton(s => new UnsubscribeLinks(s.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(),
            settings.Mail?.PublicUrl ?? UnsubscribeLinks.Default(settings.Urls)));
        if (settings.Mail is { } mail)
        {
            builder.Services.AddSingleton(mail);
            builder.Services.AddSingleton<IMailTransport>(mail.SmtpHost is null ? new EmlOutboxTransport(mail.OutboxDirectory) : new SmtpMailTransport(mail));
            builder.Services.AddSingleton<Jobs.OutboxWorker>();
            builder.Services.AddHostedService(s => s.GetRequiredService<Jobs.OutboxWorker>());
        }
        // Bad JSON must reach the error handler, which names the offending path in an ARM error body.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // The web defaults read "10" as a number; an amount sent as a string is a client bug to name, not to guess at.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBytes);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseArmErrors();
        app.UseCollapsedSlashes();
        app.UseRouting();
        app.UsePortalRequestCulture();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.UsePortalWriteGate();
        app.MapPurserHealth();
        app.MapPurserMetrics();
        app.MapOperatorApi();
        app.MapOperatorDocs();
        app.MapArmApi();
        app.MapDownloads();
        app.MapPortal();
        app.MapUnsubscribe();
        return app;
    }

    public static async Task RunAsync(ServerSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var app = Build(settings);
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Purser");
        var store = app.Services.GetRequiredService<PurserStore>();
        try
        {
            await store.MigrateAsync(ct);
        }
        catch (DbException ex)
        {
            throw new StartupException($"the database {StorageOptions.Describe(settings.ConnectionString)} cannot be opened: {OneLine(ex)}", ex);
        }
        LogStorage(log, store.Engine);
        if (settings.LoadDemoWhenEmpty && await new DemoLoader(store, app.Services.GetRequiredService<TimeProvider>(), app.Services.GetRequiredService<InvoiceSettings>(),
                app.Services.GetRequiredService<CreditAlertMails>(), app.Services.GetRequiredService<PurserMetrics>()).LoadAsync(ct))
            LogDemoLoaded(log);
        try
        {
            await app.Services.GetRequiredService<StartupLogs>().StartAsync(app, ct);
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException)
        {
            throw new StartupException($"cannot listen on {settings.Urls}: the address is already in use", ex);
        }
        foreach (var url in app.Urls)
            await Console.Out.WriteLineAsync($"Purser is listening on {url}");
        await app.WaitForShutdownAsync(ct);
    }

    /// <summary>A driver's message with the cause it wraps (Npgsql's "Failed to connect" says where, its inner exception why).</summary>
    private static string OneLine(Exception ex) =>
        ex.InnerException is { } inner && !ex.Message.Contains(inner.Message, StringComparison.Ordinal) ? $"{ex.Message}: {inner.Message}" : ex.Message;

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ready: {Engine}, schema migrated")]
    private static partial void LogStorage(ILogger logger, StorageEngine engine);

    [LoggerMessage(Level = LogLevel.Information, Message = "Empty database: demo data loaded")]
    private static partial void LogDemoLoaded(ILogger logger);
}
