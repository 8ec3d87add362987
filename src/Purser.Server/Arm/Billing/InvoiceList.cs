using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Purser.Engine.Invoicing;

namespace Purser.Server.Arm.Billing;

/// <summary>
/// An invoice list: <c>{value, nextLink, totalCount}</c>. Like <see cref="ArmPage"/>, the next link
/// carries every query parameter of the request (api-version and the period among them) plus a
/// <c>$skiptoken</c> offset.
/// </summary>
public static class InvoiceList
{
    /// <param name="page">Invoices fetched at <see cref="ArmPage.Offset"/>: one more than <paramref name="pageSize"/> when more follow.</param>
    public static IResult Of(HttpRequest request, InvoicePage page, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(page);
        var more = page.Items.Count > pageSize;
        var value = page.Items.Take(pageSize).Select(i => InvoiceShapes.Invoice(request, i)).ToList();
        var nextLink = more ? NextLink(request, ArmPage.Offset(request) + pageSize) : null;
        return Results.Json(new { value, nextLink, totalCount = page.TotalCount });
    }

    private static string NextLink(HttpRequest request, int offset)
    {
        var query = new QueryBuilder(request.Query.Where(q => q.Key != "$skiptoken")
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))))
        {
            { "$skiptoken", offset.ToString(CultureInfo.InvariantCulture) },
        };
        return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, query.ToQueryString());
    }
}
