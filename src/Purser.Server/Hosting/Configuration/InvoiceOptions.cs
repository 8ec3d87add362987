namespace Purser.Server.Hosting.Configuration;

/// <summary><c>Purser:Invoices</c>: what invoice PDFs are drawn with.</summary>
public sealed class InvoiceOptions : IPurserOptions
{
    public static string Section => "Purser:Invoices";

    /// <summary>A TrueType CJK font (or collection) for Chinese invoice PDFs, tried before Debian's; none for Debian's alone.</summary>
    public string? CjkFont { get; set; }
}
