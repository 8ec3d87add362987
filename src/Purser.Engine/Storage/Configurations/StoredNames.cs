using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Purser.Engine.Storage.Configurations;

/// <summary>
/// Domain enums are stored as their member names, in the text columns they had when the entities
/// held strings: existing rows keep reading, and a row still means the same after a member is added.
/// </summary>
internal static class StoredNames
{
    public static PropertyBuilder<TEnum> StoredAsName<TEnum>(this PropertyBuilder<TEnum> property, int maxLength = PurserDbContext.TextLength) =>
        property.HasConversion<string>().HasMaxLength(maxLength);
}
