namespace Purser.Core;

/// <summary>
/// Why a command was turned down. Validation answers with data rather than an exception so
/// the engine can return it as an error body and be sure nothing was written.
/// </summary>
public sealed record Refusal(string Code, string Message);
