using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Purser.Core;
using Purser.Engine;

namespace Purser.Server.Hosting;

/// <summary>
/// Turns what escapes an endpoint into an ARM error body: malformed or mistyped JSON is a 400
/// naming the offending path; the database unreachable or failing over is a 503 with <c>Retry-After</c>, which a client meets
/// by sending the same call again; anything unexpected is a 500 without internals.
/// </summary>
internal static partial class ErrorHandling
{
    public static void UseArmErrors(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = AnswerAsync,
            // An outage is one warning line (AnswerAsync's), not the middleware's error and stack trace for every call it cut off.
            SuppressDiagnosticsCallback = failed => DatabaseOutage.Is(failed.Exception),
        });
        app.UseStatusCodePages(async status =>
        {
            var response = status.HttpContext.Response;
            if (response.HasStarted || response.ContentLength > 0 || response.ContentType is not null)
                return;
            // The status is already set; the body names it. Any status no code names keeps its own under RequestFailed.
            var (code, message) = response.StatusCode switch
            {
                401 => (RefusalCode.AuthenticationFailed, "A valid bearer token is required (Authorization: Bearer …)."),
                403 => (RefusalCode.AuthorizationFailed, "The caller may not perform this operation."),
                404 => (RefusalCode.NotFound, "No resource or operation matches this path."),
                405 => (RefusalCode.MethodNotAllowed, "This path does not accept this HTTP method."),
                413 => (RefusalCode.RequestTooLarge, RequestTooLargeMessage),
                415 => (RefusalCode.UnsupportedMediaType, UnsupportedMediaTypeMessage),
                _ => (RefusalCode.RequestFailed, $"The request failed with status {response.StatusCode}."),
            };
            await response.WriteAsJsonAsync(ArmError.Body(code, message), status.HttpContext.RequestAborted);
        });
    }

    private static async Task AnswerAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, code, message, target) = Describe(error);
        var log = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Purser.Errors");
        if (code == RefusalCode.ServiceUnavailable)
        {
            LogOutage(log, context.Request.Method, context.Request.Path.Value, error?.GetBaseException().Message);
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
        }
        else if (status >= 500)
        {
            LogUnexpected(log, error);
        }
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(ArmError.Body(code, message, target), context.RequestAborted);
    }

    // A failover on PostgreSQL's own replication takes seconds; a client that waits this long mostly finds the new primary.
    private const string RetryAfterSeconds = "2";
    private const string RequestTooLargeMessage = "The request body is larger than this operation accepts.";
    private const string UnsupportedMediaTypeMessage = "The request body must be JSON (Content-Type: application/json).";

    // The serializer's own messages name .NET types ("could not be converted to Purser.Engine…"); the API speaks of JSON paths and fields.
    // A request Kestrel could not read keeps the status Kestrel gave it (400 as a rule, 408 for a body too slow to arrive).
    private static (int Status, RefusalCode Code, string Message, string? Target) Describe(Exception? error) => error switch
    {
        _ when DatabaseOutage.Is(error) => Coded(RefusalCode.ServiceUnavailable,
            "The database is unavailable; nothing was changed for certain. Send the same request again (with the same Idempotency-Key) after Retry-After."),
        BadHttpRequestException { InnerException: JsonException json } => Mistyped(json),
        BadHttpRequestException { StatusCode: 413 } => Coded(RefusalCode.RequestTooLarge, RequestTooLargeMessage),
        BadHttpRequestException { StatusCode: 415 } => Coded(RefusalCode.UnsupportedMediaType, UnsupportedMediaTypeMessage),
        BadHttpRequestException bad when BoundParameter().Match(bad.Message) is { Success: true } bound =>
            (bad.StatusCode, RefusalCode.InvalidRequest, $"'{bound.Groups["name"].Value}' has a value of the wrong form.", bound.Groups["name"].Value),
        BadHttpRequestException bad => (bad.StatusCode, RefusalCode.InvalidRequest, "The request could not be read: check its body, query and route values.", null),
        JsonException json => Mistyped(json),
        _ => Coded(RefusalCode.InternalServerError, "An unexpected error occurred; it has been logged."),
    };

    private static (int, RefusalCode, string, string?) Mistyped(JsonException json)
    {
        var path = json.Path is null or "$" ? null : json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path;
        return path is null
            ? Coded(RefusalCode.InvalidRequestContent, "The request body is not valid JSON for this operation.")
            : Coded(RefusalCode.InvalidRequestContent, $"The request body is not valid JSON for this operation at '{path}': the value is missing a part or has the wrong type (numbers and booleans are not quoted, dates are ISO 8601).", path);
    }

    private static (int, RefusalCode, string, string?) Coded(RefusalCode code, string message, string? target = null) => (code.Status, code, message, target);

    // ASP.NET words a binding failure as: Failed to bind parameter "Guid billingProfileId" from "x".
    [System.Text.RegularExpressions.GeneratedRegex("parameter \"[^\" ]+ (?<name>[^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex BoundParameter();

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503, the database is unavailable: {Reason}")]
    private static partial void LogOutage(ILogger logger, string method, string? path, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error")]
    private static partial void LogUnexpected(ILogger logger, Exception? error);
}
