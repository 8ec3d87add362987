using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Purser.Core;
using Purser.Engine;
using Purser.Engine.Idempotency;
using Purser.Server.Hosting.Security;

namespace Purser.Server.Hosting;

/// <summary>
/// Every mutating operator call carries an <c>Idempotency-Key</c>; a replay with the same key
/// and request gets the first reply back (marked <c>Idempotent-Replayed: true</c>) and changes nothing.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    /// <summary>
    /// The request's key as one caller's (caller + key): what the reservation is made under, and
    /// what an engine command keys its rows with, so two callers who pick the same key never meet.
    /// </summary>
    public static string IdempotencyKey(this HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Items[typeof(IdempotencyKeys)] as string
            ?? throw new InvalidOperationException("The endpoint needs .WithIdempotencyKey() to read its idempotency key.");
    }

    /// <param name="stored">
    /// The form of the reply kept for replays, where the first reply holds a secret that must
    /// not be stored (a new token): replays then answer without it.
    /// </param>
    public static RouteHandlerBuilder WithIdempotencyKey(this RouteHandlerBuilder endpoint, Func<object?, object?>? stored = null) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var key = http.Request.Headers[Header].ToString();
            if (string.IsNullOrWhiteSpace(key) || key.Length > 200)
                return ArmError.Result(RefusalCode.MissingIdempotencyKey, $"Mutating calls need an '{Header}' header of 1 to 200 characters.", Header);

            var operation = $"{http.Request.Method} {(http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText}";
            var scopedKey = $"{http.Caller().UserId:N}:{key}";
            http.Items[typeof(IdempotencyKeys)] = scopedKey;
            var hash = Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(
                context.Arguments.Where(a => a is not HttpContext and not CancellationToken).ToArray())));
            var replies = http.RequestServices.GetRequiredService<IdempotentReplies>();
            switch (await replies.ReserveAsync(operation, scopedKey, hash, http.RequestAborted))
            {
                case KeyState.Completed done:
                    http.Response.Headers["Idempotent-Replayed"] = "true";
                    return Results.Text(done.Body, "application/json", Encoding.UTF8, done.StatusCode);
                case KeyState.InProgress:
                    return ArmError.Result(RefusalCode.RequestInProgress, "A call with this Idempotency-Key is still running; retry shortly.", Header);
                case KeyState.Mismatch:
                    return ArmError.Result(RefusalCode.IdempotencyKeyReused, "This Idempotency-Key was used for a different request.", Header);
            }

            try
            {
                var result = await next(context);
                // A typed handler answers Results<…>: the result it chose is inside.
                var answer = result is INestedHttpResult nested ? nested.Result : result;
                // Results.Json without a status code answers 200 but reports none: it is a success to keep too.
                if (answer is IStatusCodeHttpResult ok && (ok.StatusCode ?? StatusCodes.Status200OK) is >= 200 and < 300 && answer is IValueHttpResult value)
                {
                    var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
                    var body = JsonSerializer.Serialize(stored is null ? value.Value : stored(value.Value), json);
                    await replies.CompleteAsync(operation, scopedKey, ok.StatusCode ?? StatusCodes.Status200OK, body, CancellationToken.None);
                }
                else
                {
                    await replies.ReleaseAsync(operation, scopedKey, CancellationToken.None);
                }
                return result;
            }
            catch (Exception ex) when (DatabaseOutage.Is(ex))
            {
                // The database went away under the call: the client is told to send it again, and a key left reserved would answer
                // that retry "in progress" for a whole lease. The release waits out a failover's seconds; what the call may have
                // committed is keyed underneath, so the retry finds it rather than doing it twice.
                await ReleaseThroughOutageAsync(replies, operation, scopedKey, http.RequestServices.GetRequiredService<TimeProvider>());
                throw;
            }
            catch
            {
                await replies.ReleaseAsync(operation, scopedKey, CancellationToken.None);
                throw;
            }
        });

    private static readonly TimeSpan[] ReleaseWaits = [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    private static async Task ReleaseThroughOutageAsync(IdempotentReplies replies, string operation, string key, TimeProvider clock)
    {
        foreach (var wait in ReleaseWaits.Prepend(TimeSpan.Zero))
        {
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, clock);
            try
            {
                await replies.ReleaseAsync(operation, key, CancellationToken.None);
                return;
            }
            catch (Exception ex) when (DatabaseOutage.Is(ex))
            {
                // Still failing over; the last failure leaves the reservation to its lease.
            }
        }
    }
}
