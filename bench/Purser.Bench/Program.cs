using Purser.Bench;

var runs = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 20;
return await EnforcementBenchmark.RunAsync(runs);
