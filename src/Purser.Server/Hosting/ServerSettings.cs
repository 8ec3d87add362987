namespace Purser.Server.Hosting;

/// <param name="ScheduleBilling">Whether this process closes due billing periods on its own each minute (tests drive closes themselves).</param>
/// <param name="InvoiceCjkFont">A TrueType CJK font for Chinese invoice PDFs, tried before Debian's; null for Debian's alone.</param>
public sealed record ServerSettings(string ConnectionString, string Urls, bool LoadDemoWhenEmpty, bool ScheduleBilling = true, string? InvoiceCjkFont = null);
