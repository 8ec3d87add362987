using Purser.Engine.Invoicing;

namespace Purser.Server.Arm.Billing;

/// <summary>An invoice list: an <see cref="ArmPage"/> with the <c>totalCount</c> of the whole list beside it.</summary>
public static class InvoiceList
{
    /// <param name="page">Invoices fetched at <see cref="ArmPage.Offset"/>: one more than <paramref name="pageSize"/> when more follow.</param>
    public static IResult Of(HttpRequest request, InvoicePage page, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(page);
        var (invoices, nextLink) = ArmPage.Split(request, page.Items, pageSize);
        var value = invoices.Select(i => InvoiceShapes.Invoice(request, i)).ToList();
        return Results.Json(new { value, nextLink, totalCount = page.TotalCount });
    }
}
