namespace Purser.Engine.Rating;

/// <summary>
/// What one rating pass did, for logs, metrics and tests. <see cref="OldestUnrated"/> is when the longest-waiting unrated
/// aggregate last received usage as the pass began (null when none waited): where the rating lag starts.
/// </summary>
public sealed record RatingPass(int Profiles, int DaysRated, int Charges, decimal Amount, IReadOnlyList<Guid> Disabled, int Unpriced,
    IReadOnlyList<Jobs.ProfileFailure> Failed, DateTimeOffset? OldestUnrated);
