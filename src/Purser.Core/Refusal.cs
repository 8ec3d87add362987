namespace Purser.Core;

/// <summary>
/// Why a command was turned down. Validation answers with data rather than an exception so
/// the engine can return it as an error body and be sure nothing was written.
/// <see cref="Target"/> names the offending input (a field or parameter) when there is one.
/// </summary>
public sealed record Refusal(RefusalCode Code, string Message, string? Target = null);
