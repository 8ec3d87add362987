namespace Purser.Engine.Rating;

/// <summary>What one rating pass did, for logs and tests.</summary>
public sealed record RatingPass(int Profiles, int DaysRated, int Charges, decimal Amount, IReadOnlyList<Guid> Disabled, int Unpriced,
    IReadOnlyList<Jobs.ProfileFailure> Failed);
