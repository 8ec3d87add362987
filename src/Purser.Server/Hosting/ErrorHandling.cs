using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Purser.Server.Hosting;

/// <summary>
/// Turns what escapes an endpoint into an ARM error body: malformed or mistyped JSON is a 400
/// naming the offending path; anything unexpected is a 500 without internals.
/// </summary>
internal static partial class ErrorHandling
{
    public static void UseArmErrors(this WebApplication app)
    {
        app.UseExceptionHandler(handler => handler.Run(async context =>
        {
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var (status, code, message) = Describe(error);
            if (status >= 500)
                LogUnexpected(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Purser.Errors"), error);
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(ArmError.Body(code, message), context.RequestAborted);
        }));
        app.UseStatusCodePages(async status =>
        {
            var response = status.HttpContext.Response;
            if (response.HasStarted || response.ContentLength > 0 || response.ContentType is not null)
                return;
            var (code, message) = response.StatusCode switch
            {
                401 => ("AuthenticationFailed", "A valid bearer token is required (Authorization: Bearer …)."),
                403 => ("AuthorizationFailed", "The caller may not perform this operation."),
                404 => ("NotFound", "No resource or operation matches this path."),
                405 => ("MethodNotAllowed", "This path does not accept this HTTP method."),
                413 => ("RequestTooLarge", "The request body is larger than this operation accepts."),
                415 => ("UnsupportedMediaType", "The request body must be JSON (Content-Type: application/json)."),
                _ => ("RequestFailed", $"The request failed with status {response.StatusCode}."),
            };
            await response.WriteAsJsonAsync(ArmError.Body(code, message), status.HttpContext.RequestAborted);
        });
    }

    private static (int Status, string Code, string Message) Describe(Exception? error) => error switch
    {
        BadHttpRequestException { InnerException: JsonException json } =>
            (400, "InvalidRequestContent", $"The request body is not valid JSON for this operation at '{json.Path ?? "$"}': {FirstLine(json.Message)}"),
        BadHttpRequestException bad when bad.StatusCode == 413 =>
            (413, "RequestTooLarge", "The request body is larger than this operation accepts."),
        BadHttpRequestException bad => (bad.StatusCode, "InvalidRequest", FirstLine(bad.Message)),
        JsonException json => (400, "InvalidRequestContent", $"The request body is not valid JSON at '{json.Path ?? "$"}'."),
        _ => (500, "InternalServerError", "An unexpected error occurred; it has been logged."),
    };

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error")]
    private static partial void LogUnexpected(ILogger logger, Exception? error);
}
