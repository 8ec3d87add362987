using System.Diagnostics.CodeAnalysis;

namespace Purser.Core;

/// <summary>Either the result of a command or the <see cref="Refusal"/> that stopped it.</summary>
public readonly record struct Outcome<T>
{
    private readonly T? value;

    private Outcome(T? value, Refusal? refusal)
    {
        this.value = value;
        Refusal = refusal;
    }

    public Refusal? Refusal { get; }

    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsAccepted => Refusal is null;

    /// <summary>The result; reading it from a refused outcome is a programming error.</summary>
    public T Value => IsAccepted ? value! : throw new InvalidOperationException($"Refused: {Refusal.Code}: {Refusal.Message}");

#pragma warning disable CA1000 // a factory on the generic type reads best at call sites: Outcome<T>.Accept(x)
    public static Outcome<T> Accept(T value) => new(value, null);

    public static Outcome<T> Refuse(RefusalCode code, string message) => new(default, new Refusal(code, message));
#pragma warning restore CA1000

    public static implicit operator Outcome<T>(Refusal refusal) => new(default, refusal);

    public static implicit operator Outcome<T>(T value) => new(value, null);
}
