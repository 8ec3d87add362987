using Microsoft.EntityFrameworkCore;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Access;

/// <summary>
/// The data-protection key ring kept in the database, so that every server over one database
/// reads the portal's cookies and anti-forgery tokens the others wrote.
/// </summary>
public sealed class DataProtectionKeyStore(PurserStore store)
{
    public IReadOnlyList<string> All()
    {
        using var db = store.CreateContext();
        return [.. db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml)];
    }

    public void Add(string? friendlyName, string xml)
    {
        using var db = store.CreateContext();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = xml });
        db.SaveChanges();
    }
}
