namespace Purser.Server.Operator;

/// <summary>A list as the operator API answers it: <c>{"value":[…]}</c>, as ARM lists are.</summary>
public sealed record OperatorList<T>(IReadOnlyList<T> Value);
