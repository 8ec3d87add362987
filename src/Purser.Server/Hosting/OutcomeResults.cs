using Purser.Core;

namespace Purser.Server.Hosting;

/// <summary>An engine outcome as an HTTP answer: the value with a success status, or its refusal as an ARM error.</summary>
public static class OutcomeResults
{
    public static IResult Created<T>(this Outcome<T> outcome) =>
        outcome.IsAccepted ? Results.Json(outcome.Value, statusCode: StatusCodes.Status201Created) : ArmError.From(outcome.Refusal);

    public static IResult Ok<T>(this Outcome<T> outcome) =>
        outcome.IsAccepted ? Results.Json(outcome.Value) : ArmError.From(outcome.Refusal);

    /// <summary>The value as its wire shape, created; or its refusal.</summary>
    public static IResult Created<T, TReply>(this Outcome<T> outcome, Func<T, TReply> reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return outcome.IsAccepted ? Results.Json(reply(outcome.Value), statusCode: StatusCodes.Status201Created) : ArmError.From(outcome.Refusal);
    }

    /// <summary>The value as its wire shape; or its refusal.</summary>
    public static IResult Ok<T, TReply>(this Outcome<T> outcome, Func<T, TReply> reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return outcome.IsAccepted ? Results.Json(reply(outcome.Value)) : ArmError.From(outcome.Refusal);
    }
}
