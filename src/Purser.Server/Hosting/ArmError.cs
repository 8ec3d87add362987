using Purser.Core;

namespace Purser.Server.Hosting;

/// <summary>ARM's error body, <c>{"error":{"code","message","target"}}</c>, used by every face of the API.</summary>
public static class ArmError
{
    public static IResult Result(int status, string code, string message, string? target = null) =>
        Results.Json(Body(code, message, target), statusCode: status);

    public static object Body(string code, string message, string? target = null) =>
        new { error = target is null ? (object)new { code, message } : new { code, message, target } };

    /// <summary>An error made of several problems, each named in <c>details</c> (ARM's shape for a batch).</summary>
    public static IResult WithDetails(int status, string code, string message, IEnumerable<(string Code, string Message, string Target)> details) =>
        Results.Json(new { error = new { code, message, details = details.Select(d => new { code = d.Code, message = d.Message, target = d.Target }) } },
            statusCode: status);

    public static IResult From(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return Result(StatusOf(refusal.Code), refusal.Code, refusal.Message, refusal.Target);
    }

    public static IResult NotFound(string what) => Result(StatusCodes.Status404NotFound, "NotFound", $"{what} was not found.");

    public static IResult Forbidden() => Result(StatusCodes.Status403Forbidden, "AuthorizationFailed",
        "The caller does not have a role that allows this operation at this scope.");

    private static int StatusOf(string code) => code switch
    {
        "NotFound" => StatusCodes.Status404NotFound,
        "Conflict" => StatusCodes.Status409Conflict,
        "AuthorizationFailed" => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };
}
