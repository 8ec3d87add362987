namespace Purser.Server.Arm.Billing;

/// <summary>One <c>{value, nextLink}</c> page of an in-memory list (<see cref="ArmPage"/>).</summary>
public static class BillingLists
{
    public static IResult Page<T>(HttpRequest request, IReadOnlyList<T> items, Func<T, object> shape)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(items);
        var size = ArmPage.Size(request);
        var page = items.Skip(ArmPage.Offset(request)).Take(size + 1).Select(shape).ToList();
        return ArmPage.Of(request, page, size);
    }
}
