using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Purser.Testing;

namespace Purser.Server.Tests.Notifications;

/// <summary>
/// A webhook receiver on a loopback port, as an operator's system would run one: it records every request, answers
/// with the status the test sets, and honours the event id (a second request with an id it has seen is accepted and dropped).
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<WebhookRequest> _requests = new();
    private readonly ConcurrentDictionary<string, WebhookRequest> _events = new(StringComparer.Ordinal);

    private WebhookReceiver(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    /// <summary>The status the next requests get; 200 unless set.</summary>
    public int Status { get; set; } = 200;

    /// <summary>
    /// When set, a request is recorded and acted on (when the status is 2xx) and then held until the gate opens: a receiver that
    /// did the work but has not answered yet.
    /// </summary>
    public TaskCompletionSource? Gate { get; set; }

    public IReadOnlyList<WebhookRequest> Requests => [.. _requests];

    /// <summary>Released once per request as it arrives, before the gate: what a test waits on instead of sleeping.</summary>
    public SemaphoreSlim Arrivals { get; } = new(0);

    /// <summary>The events it acted on: each event id once, however often it came.</summary>
    public IReadOnlyCollection<WebhookRequest> Events => [.. _events.Values];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var url = $"http://127.0.0.1:{PurserProcess.FreePort()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, url + "/hook");
        app.MapPost("/hook", receiver.ReceiveAsync);
        await app.StartAsync();
        return receiver;
    }

    private async Task ReceiveAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var request = new WebhookRequest(
            http.Request.Headers["Purser-Event-Id"].ToString(), http.Request.Headers["Purser-Event-Type"].ToString(),
            http.Request.Headers["Purser-Timestamp"].ToString(), http.Request.Headers["Purser-Signature"].ToString(),
            http.Request.ContentType ?? "", await reader.ReadToEndAsync());
        _requests.Enqueue(request);
        var status = Status;
        if (status is >= 200 and < 300)
            _events.TryAdd(request.EventId, request);
        Arrivals.Release();
        if (Gate is { } gate)
            await gate.Task;
        http.Response.StatusCode = status;
    }

    public async ValueTask DisposeAsync()
    {
        Gate?.TrySetResult();
        await _app.DisposeAsync();
        Arrivals.Dispose();
    }
}

internal sealed record WebhookRequest(string EventId, string EventType, string Timestamp, string Signature, string ContentType, string Body);
