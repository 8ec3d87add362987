using Microsoft.AspNetCore.Http.HttpResults;
using Purser.Core;

namespace Purser.Server.Hosting;

/// <summary>
/// ARM's error body (<see cref="ArmErrorBody"/>), used by every face of the API;
/// the status is the one the code carries in its catalog (<see cref="RefusalCode"/>).
/// </summary>
public static class ArmError
{
    public static JsonHttpResult<ArmErrorBody> Result(RefusalCode code, string message, string? target = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        return TypedResults.Json(Body(code, message, target), statusCode: code.Status);
    }

    public static ArmErrorBody Body(RefusalCode code, string message, string? target = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        return new(new(code.Code, message, target));
    }

    /// <summary>An error made of several problems, each named in <c>details</c> (ARM's shape for a batch).</summary>
    public static JsonHttpResult<ArmErrorBody> WithDetails(RefusalCode code, string message, IEnumerable<(string Code, string Message, string Target)> details)
    {
        ArgumentNullException.ThrowIfNull(code);
        return TypedResults.Json(new ArmErrorBody(new(code.Code, message, Details: [.. details.Select(d => new ArmErrorPart(d.Code, d.Message, d.Target))])),
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

    public static JsonHttpResult<ArmErrorBody> From(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return Result(refusal.Code, refusal.Message, refusal.Target);
    }

    public static JsonHttpResult<ArmErrorBody> NotFound(string what) => Result(RefusalCode.NotFound, $"{what} was not found.");

    public static JsonHttpResult<ArmErrorBody> Forbidden() => Result(RefusalCode.AuthorizationFailed,
        "The caller does not have a role that allows this operation at this scope.");
}
