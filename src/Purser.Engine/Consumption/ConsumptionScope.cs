namespace Purser.Engine.Consumption;

/// <summary>
/// The ARM scope a Consumption resource (a budget) lives at, in the spelling the ARM surface gives
/// it (budgets are stored under it), with the ids that choose which charges count there.
/// </summary>
public sealed record ConsumptionScope(string Path, Guid AccountId, Guid? ProfileId, Guid? SubscriptionId);
