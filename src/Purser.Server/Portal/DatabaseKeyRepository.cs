using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Purser.Engine.Access;

namespace Purser.Server.Portal;

/// <summary>Keeps the data-protection key ring in the database, so several servers over one database share it.</summary>
internal sealed class DatabaseKeyRepository(DataProtectionKeyStore keys) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => [.. keys.All().Select(x => XElement.Parse(x))];

    public void StoreElement(XElement element, string friendlyName) =>
        keys.Add(friendlyName, element.ToString(SaveOptions.DisableFormatting));
}
