using Microsoft.AspNetCore.Http.HttpResults;
using Purser.Core;

namespace Purser.Server.Hosting;

/// <summary>
/// An engine outcome as an HTTP answer: the value with a success status, or its refusal as an ARM error. Typed, so the
/// operator API's document describes each endpoint's reply.
/// </summary>
public static class OutcomeResults
{
    public static Results<Created<T>, JsonHttpResult<ArmErrorBody>> Created<T>(this Outcome<T> outcome) =>
        outcome.IsAccepted ? TypedResults.Created((string?)null, outcome.Value) : ArmError.From(outcome.Refusal);

    public static Results<Ok<T>, JsonHttpResult<ArmErrorBody>> Ok<T>(this Outcome<T> outcome) =>
        outcome.IsAccepted ? TypedResults.Ok(outcome.Value) : ArmError.From(outcome.Refusal);

    /// <summary>The value as its wire shape, created; or its refusal.</summary>
    public static Results<Created<TReply>, JsonHttpResult<ArmErrorBody>> Created<T, TReply>(this Outcome<T> outcome, Func<T, TReply> reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return outcome.IsAccepted ? TypedResults.Created((string?)null, reply(outcome.Value)) : ArmError.From(outcome.Refusal);
    }

    /// <summary>The value as its wire shape; or its refusal.</summary>
    public static Results<Ok<TReply>, JsonHttpResult<ArmErrorBody>> Ok<T, TReply>(this Outcome<T> outcome, Func<T, TReply> reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return outcome.IsAccepted ? TypedResults.Ok(reply(outcome.Value)) : ArmError.From(outcome.Refusal);
    }
}
