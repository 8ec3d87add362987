using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Purser.Engine.Storage.Configurations;

/// <summary>
/// SPEC §6: a table that grows with customers is distributable by billing account, as a distributed PostgreSQL (Citus)
/// requires — its primary key and every unique index hold <see cref="Column"/>, and a reference between two such tables
/// names the account too, so a row and the rows it names live on one node (and can never belong to two accounts).
/// The id comes first, so a lookup by id alone still uses the key.
/// </summary>
internal static class AccountKeys
{
    public const string Column = "BillingAccountId";

    public static void KeyedByAccount(this EntityTypeBuilder b)
    {
        b.HasKey("Id", Column);
        // Only a one-column key gets a generated value by convention: say so for this one.
        b.Property("Id").ValueGeneratedOnAdd();
    }

    /// <summary>A reference to a row of another account-keyed table: its id with this row's account.</summary>
    public static ReferenceCollectionBuilder BelongsTo<TPrincipal>(this EntityTypeBuilder b, string idProperty) where TPrincipal : class =>
        b.HasOne(typeof(TPrincipal)).WithMany().HasForeignKey(idProperty, Column);
}
