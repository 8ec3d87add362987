namespace Purser.Server.Arm;

/// <summary>
/// <c>{"value":[…],"nextLink":…}</c> paging. The official clients follow nextLink verbatim
/// (Consumption) or append only what is missing (Billing), so the link carries every query
/// parameter of the request plus a <c>$skiptoken</c> offset (<see cref="ArmIds.NextLink"/>).
/// </summary>
public static class ArmPage
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    /// <summary>The offset this request starts at; a malformed token starts at the beginning.</summary>
    public static int Offset(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return int.TryParse(request.Query[ArmIds.SkipToken], out var skip) && skip > 0 ? skip : 0;
    }

    /// <summary>The page size: <c>$top</c> when given (1..1000), else the default.</summary>
    public static int Size(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return int.TryParse(request.Query["$top"], out var top) && top is >= 1 and <= MaxPageSize ? top : DefaultPageSize;
    }

    /// <summary>One page of items fetched at <see cref="Offset"/>; pass one more than the page size to learn whether more follow.</summary>
    public static IResult Of<T>(HttpRequest request, IReadOnlyList<T> fetched, int pageSize)
    {
        var (value, nextLink) = Split(request, fetched, pageSize);
        return Results.Json(new { value, nextLink });
    }

    /// <summary>The page's items and its nextLink (null on the last page) from items fetched as <see cref="Of"/> takes them.</summary>
    public static (IReadOnlyList<T> Value, string? NextLink) Split<T>(HttpRequest request, IReadOnlyList<T> fetched, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(fetched);
        return fetched.Count > pageSize
            ? ([.. fetched.Take(pageSize)], ArmIds.NextLink(request, Offset(request) + pageSize))
            : (fetched, null);
    }
}
