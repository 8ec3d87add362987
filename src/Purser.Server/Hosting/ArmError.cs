using Purser.Core;

namespace Purser.Server.Hosting;

/// <summary>
/// ARM's error body, <c>{"error":{"code","message","target"}}</c>, used by every face of the API;
/// the status is the one the code carries in its catalog (<see cref="RefusalCode"/>).
/// </summary>
public static class ArmError
{
    public static IResult Result(RefusalCode code, string message, string? target = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Results.Json(Body(code, message, target), statusCode: code.Status);
    }

    public static object Body(RefusalCode code, string message, string? target = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        return new { error = target is null ? (object)new { code = code.Code, message } : new { code = code.Code, message, target } };
    }

    /// <summary>An error made of several problems, each named in <c>details</c> (ARM's shape for a batch).</summary>
    public static IResult WithDetails(RefusalCode code, string message, IEnumerable<(string Code, string Message, string Target)> details)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Results.Json(new { error = new { code = code.Code, message, details = details.Select(d => new { code = d.Code, message = d.Message, target = d.Target }) } },
            statusCode: code.Status);
    }

    /// <summary>Answers outside an endpoint (authentication, the error handler) with the code's status and body.</summary>
    public static Task WriteAsync(HttpResponse response, RefusalCode code, string message, string? target = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(code);
        response.StatusCode = code.Status;
        return response.WriteAsJsonAsync(Body(code, message, target), response.HttpContext.RequestAborted);
    }

    public static IResult From(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return Result(refusal.Code, refusal.Message, refusal.Target);
    }

    public static IResult NotFound(string what) => Result(RefusalCode.NotFound, $"{what} was not found.");

    public static IResult Forbidden() => Result(RefusalCode.AuthorizationFailed,
        "The caller does not have a role that allows this operation at this scope.");
}
