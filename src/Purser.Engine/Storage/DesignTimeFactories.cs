using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Purser.Engine.Storage;

// Used only by `dotnet ef migrations add`; the connection is never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePurserDbContext>
{
    public SqlitePurserDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePurserDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPurserDbContext>
{
    public PostgresPurserDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPurserDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
