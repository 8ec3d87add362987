namespace Purser.Engine.Storage.Entities;

/// <summary>
/// A Consumption budget at an ARM scope; its notifications are kept as the JSON the client sent. The stop action is
/// operator-side (not in the ARM shape): <see cref="StoppedFrom"/> is the start of the grain whose spend reached the
/// amount while it was on, and <see cref="Stops"/> counts the stops so each one's notices are keyed once.
/// </summary>
internal sealed class Budget
{
    public Guid Id { get; set; }
    public Guid BillingAccountId { get; set; }
    public required string Scope { get; set; }
    public required string Name { get; set; }
    public string Category { get; set; } = "Cost";
    public decimal Amount { get; set; }
    public required string TimeGrain { get; set; }
    public DateTime StartDate { get; set; }
    public DateTime? EndDate { get; set; }
    public string? Notifications { get; set; }
    public string ETag { get; set; } = "";
    public bool StopAction { get; set; }
    public DateTime? StoppedFrom { get; set; }
    public int Stops { get; set; }
}
