namespace Purser.Engine.Storage.Entities;

/// <summary>A postal address, stored inline with its owner (sold-to, bill-to).</summary>
internal sealed class Address
{
    public string AddressLine1 { get; set; } = "";
    public string? AddressLine2 { get; set; }
    public string? City { get; set; }
    public string? Region { get; set; }
    public string? PostalCode { get; set; }
    public string Country { get; set; } = "CN";
    public string? CompanyName { get; set; }

    /// <summary>Owned values belong to exactly one owner; an owner that starts from another's address takes a copy.</summary>
    public Address Copy() => (Address)MemberwiseClone();
}
