using Purser.Server.Cli;

return await PurserCommandLine.Build().Parse(args).InvokeAsync();
