using System.CommandLine;
using System.Globalization;
using Purser.Engine;
using Purser.Engine.Access;
using Purser.Engine.Accounts;

namespace Purser.Server.Cli;

/// <summary>
/// API tokens from the shell: issuing one (how the first operator gets in), listing a user's without their secrets,
/// and revoking a leaked one even when no operator token is at hand.
/// </summary>
internal static class TokenVerb
{
    private static readonly Option<string> Email = new("--email")
    {
        Description = "The user whose tokens these are.",
        DefaultValueFactory = _ => "operator@purser.local",
    };

    private static readonly Option<bool> CreateOperator = new("--create-operator")
    {
        Description = "Create the user as an operator if no user has this e-mail.",
    };

    private static readonly Option<int?> ValidDays = new("--valid-days") { Description = "Expire the token after this many days." };

    private static readonly Option<string> Name = new("--name")
    {
        Description = "What the token is for, as the listing shows it (a laptop, a CI job).",
        DefaultValueFactory = _ => "cli",
    };

    private static readonly Argument<Guid> TokenId = new("token-id") { Description = "The id of the token to revoke, as `purser token list` shows it." };

    public static Command Create()
    {
        var token = new Command("token", "Print a new API bearer token for a user; list or revoke a user's tokens.");
        StoreFlags.AddTo(token);
        token.Options.Add(Email);
        token.Options.Add(CreateOperator);
        token.Options.Add(ValidDays);
        token.Options.Add(Name);
        token.SetAction(async (parse, ct) =>
        {
            await using var store = await OpenAsync(parse, ct);
            var commands = Commands(store);
            var email = InputRules.NormalEmail(parse.GetValue(Email)!);
            var userId = (await commands.FindUserAsync(email, ct))?.Id;
            if (userId is null && parse.GetValue(CreateOperator))
            {
                var created = await commands.CreateUserAsync(new NewUser(null, email, null, "Platform", "Operator", null, null, true, "en"), ct);
                if (!created.IsAccepted)
                    return await Fail(created.Refusal.Message);
                userId = created.Value.Id;
            }
            if (userId is null)
                return await Fail($"{NoSuchUser(email)} Pass --create-operator to create an operator.");
            var issued = await commands.CreateTokenAsync(new NewApiToken(userId, parse.GetValue(Name), parse.GetValue(ValidDays)), ct);
            if (!issued.IsAccepted)
                return await Fail(issued.Refusal.Message);
            await Console.Out.WriteLineAsync(issued.Value.Token);
            return 0;
        });
        token.Subcommands.Add(List());
        token.Subcommands.Add(Revoke());
        return token;
    }

    private static Command List()
    {
        var list = new Command("list", "List a user's tokens, newest first: id, name, created, expires, revoked (UTC). Never a secret.");
        StoreFlags.AddTo(list);
        list.Options.Add(Email);
        list.SetAction(async (parse, ct) =>
        {
            await using var store = await OpenAsync(parse, ct);
            var commands = Commands(store);
            var email = InputRules.NormalEmail(parse.GetValue(Email)!);
            if (await commands.FindUserAsync(email, ct) is not { } user || await commands.ListTokensAsync(user.Id, ct) is not { } tokens)
                return await Fail(NoSuchUser(email));
            await Console.Out.WriteLineAsync("id\tname\tcreated\texpires\trevoked");
            foreach (var t in tokens)
                await Console.Out.WriteLineAsync($"{t.Id}\t{t.Name}\t{Instant(t.CreatedAt)}\t{Instant(t.ExpiresAt)}\t{Instant(t.RevokedAt)}");
            return 0;
        });
        return list;
    }

    private static Command Revoke()
    {
        var revoke = new Command("revoke", "Shut a token off: this server's callers at once, other running servers within seconds.");
        StoreFlags.AddTo(revoke);
        revoke.Arguments.Add(TokenId);
        revoke.SetAction(async (parse, ct) =>
        {
            await using var store = await OpenAsync(parse, ct);
            var id = parse.GetValue(TokenId);
            var revoked = await Commands(store).RevokeTokenAsync(id, ct);
            if (!revoked.IsAccepted)
                return await Fail($"No token has the id '{id}'.");
            await Console.Out.WriteLineAsync($"Token {id} ('{revoked.Value.Name}') revoked at {Instant(revoked.Value.RevokedAt)}.");
            return 0;
        });
        return revoke;
    }

    private static async Task<PurserStore> OpenAsync(ParseResult parse, CancellationToken ct)
    {
        var store = new PurserStore(StoreFlags.ConnectionString(parse));
        await store.MigrateAsync(ct);
        return store;
    }

    private static AccountCommands Commands(PurserStore store) => new(store, TimeProvider.System, new CallerCache(TimeProvider.System));

    private static string NoSuchUser(string email) => $"No user has the e-mail '{email}'.";

    private static string Instant(DateTime? at) => at?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "-";

    private static async Task<int> Fail(string message)
    {
        await Console.Error.WriteLineAsync($"purser token: {message}");
        return 2;
    }
}
