using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Purser.Engine.Tests;

/// <summary>What a client is told to send again (the database away) against what it is not (the statement refused).</summary>
public class DatabaseOutageTests
{
    public static TheoryData<string> OutageStates => ["57P01", "57P02", "57P03", "08006", "08001", "25006"];

    public static TheoryData<string> RefusedStates => ["23505", "40P01", "40001", "42P01", "22003"];

    private static PostgresException Postgres(string state) => new("refused", "ERROR", "ERROR", state);

    [Theory]
    [MemberData(nameof(OutageStates))]
    public void A_server_shutting_down_unreachable_or_read_only_is_an_outage_however_wrapped(string state)
    {
        Assert.True(DatabaseOutage.Is(Postgres(state)));
        Assert.True(DatabaseOutage.Is(new DbUpdateException("save failed", Postgres(state))));
        Assert.True(DatabaseOutage.Is(new InvalidOperationException("likely a transient failure", Postgres(state))));
    }

    [Theory]
    [MemberData(nameof(RefusedStates))]
    public void A_statement_the_server_refused_is_not(string state)
    {
        Assert.False(DatabaseOutage.Is(Postgres(state)));
        Assert.False(DatabaseOutage.Is(new DbUpdateException("save failed", Postgres(state))));
    }

    [Fact]
    public void A_connection_refused_or_cut_is_an_outage()
    {
        Assert.True(DatabaseOutage.Is(new NpgsqlException("No suitable host was found.")));
        Assert.True(DatabaseOutage.Is(new InvalidOperationException("likely a transient failure",
            new NpgsqlException("Exception while reading from stream", new EndOfStreamException()))));
        Assert.True(DatabaseOutage.Is(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));
    }

    [Fact]
    public void Other_failures_are_not()
    {
        Assert.False(DatabaseOutage.Is(null));
        Assert.False(DatabaseOutage.Is(new InvalidOperationException("a bug")));
        Assert.False(DatabaseOutage.Is(new DbUpdateConcurrencyException("lost a race")));
        Assert.False(DatabaseOutage.Is(new IOException("disk full")));
    }
}
