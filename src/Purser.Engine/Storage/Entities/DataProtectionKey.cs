namespace Purser.Engine.Storage.Entities;

/// <summary>One ASP.NET Core data-protection key (its XML element), shared by every server of a deployment.</summary>
internal sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
