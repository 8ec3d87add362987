using System.CommandLine;
using Purser.Engine;
using Purser.Engine.Access;
using Purser.Engine.Accounts;

namespace Purser.Server.Cli;

/// <summary>Issues an API token from the shell: how the first operator gets in.</summary>
internal static class TokenVerb
{
    private static readonly Option<string> Email = new("--email")
    {
        Description = "The user to issue the token for.",
        DefaultValueFactory = _ => "operator@purser.local",
    };

    private static readonly Option<bool> CreateOperator = new("--create-operator")
    {
        Description = "Create the user as an operator if no user has this e-mail.",
    };

    private static readonly Option<int?> ValidDays = new("--valid-days") { Description = "Expire the token after this many days." };

    public static Command Create()
    {
        var token = new Command("token", "Print a new API bearer token for a user.");
        StoreOptions.AddTo(token);
        token.Options.Add(Email);
        token.Options.Add(CreateOperator);
        token.Options.Add(ValidDays);
        token.SetAction(async (parse, ct) =>
        {
            await using var store = new PurserStore(StoreOptions.ConnectionString(parse));
            await store.MigrateAsync(ct);
            var commands = new AccountCommands(store, TimeProvider.System, new CallerCache(TimeProvider.System));
            var email = parse.GetValue(Email)!.Trim().ToLowerInvariant();
            var userId = (await commands.FindUserAsync(email, ct))?.Id;
            if (userId is null && parse.GetValue(CreateOperator))
            {
                var created = await commands.CreateUserAsync(new NewUser(null, email, null, "Platform", "Operator", null, null, true, "en"), ct);
                if (!created.IsAccepted)
                    return await Fail(created.Refusal.Message);
                userId = created.Value.Id;
            }
            if (userId is null)
                return await Fail($"No user has the e-mail '{email}'. Pass --create-operator to create an operator.");
            var issued = await commands.CreateTokenAsync(new NewApiToken(userId, "cli", parse.GetValue(ValidDays)), ct);
            if (!issued.IsAccepted)
                return await Fail(issued.Refusal.Message);
            await Console.Out.WriteLineAsync(issued.Value.Token);
            return 0;
        });
        return token;
    }

    private static async Task<int> Fail(string message)
    {
        await Console.Error.WriteLineAsync($"purser token: {message}");
        return 2;
    }
}
