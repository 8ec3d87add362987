using Microsoft.AspNetCore.Http.Extensions;

namespace Purser.Server.Arm;

/// <summary>
/// <c>{"value":[…],"nextLink":…}</c> paging. The official clients follow nextLink verbatim
/// (Consumption) or append only what is missing (Billing), so the link carries every query
/// parameter of the request plus a <c>$skiptoken</c> offset.
/// </summary>
public static class ArmPage
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    /// <summary>The offset this request starts at; a malformed token starts at the beginning.</summary>
    public static int Offset(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return int.TryParse(request.Query["$skiptoken"], out var skip) && skip > 0 ? skip : 0;
    }

    /// <summary>The page size: <c>$top</c> when given (1..1000), else the default.</summary>
    public static int Size(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return int.TryParse(request.Query["$top"], out var top) && top is >= 1 and <= MaxPageSize ? top : DefaultPageSize;
    }

    /// <summary>One page of <paramref name="page"/> items fetched at <see cref="Offset"/>; pass one more than the page size to learn whether more follow.</summary>
    public static IResult Of<T>(HttpRequest request, IReadOnlyList<T> fetched, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(fetched);
        var more = fetched.Count > pageSize;
        var value = more ? fetched.Take(pageSize).ToList() : fetched;
        return Results.Json(new { value, nextLink = more ? NextLink(request, Offset(request) + pageSize) : null });
    }

    private static string NextLink(HttpRequest request, int offset)
    {
        var query = new QueryBuilder(request.Query.Where(q => q.Key != "$skiptoken")
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))))
        {
            { "$skiptoken", offset.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, query.ToQueryString());
    }
}
