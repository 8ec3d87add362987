using Purser.Core;

namespace Purser.Server.Hosting;

/// <summary>An engine outcome as an HTTP answer: the value with a success status, or its refusal as an ARM error.</summary>
public static class OutcomeResults
{
    public static IResult Created<T>(this Outcome<T> outcome) =>
        outcome.IsAccepted ? Results.Json(outcome.Value, statusCode: StatusCodes.Status201Created) : ArmError.From(outcome.Refusal);

    public static IResult Ok<T>(this Outcome<T> outcome) =>
        outcome.IsAccepted ? Results.Json(outcome.Value) : ArmError.From(outcome.Refusal);
}
