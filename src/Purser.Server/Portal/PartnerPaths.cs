namespace Purser.Server.Portal;

/// <summary>The partner pages' addresses, spelled once: a partner's center, a cycle's page and file, the partner's view of an invoice.</summary>
internal static class PartnerPaths
{
    public static string Center(string partnerId) => $"/portal/partners/{Uri.EscapeDataString(partnerId)}";

    public static string Cycle(string partnerId, string period) => $"{Center(partnerId)}/cycles/{period}";

    public static string Reconciliation(string partnerId, string period) => $"{Cycle(partnerId, period)}/reconciliation.csv";

    public static string Invoice(string partnerId, string invoiceNumber) => $"{Center(partnerId)}/invoices/{Uri.EscapeDataString(invoiceNumber)}";
}
