// Benchmarks of the real service on this machine, with their baselines measured in the same run.
//
//   dotnet run -c Release --project tests/ZaloBot.Benchmarks -- [load] [--seconds 5]
//   dotnet run -c Release --project tests/ZaloBot.Benchmarks -- load --postgres "<connection string>" [--seconds 5]
//   dotnet run -c Release --project tests/ZaloBot.Benchmarks -- seed --responses 1000000 --out <data file>
//   dotnet run -c Release --project tests/ZaloBot.Benchmarks -- seed --responses 1000000 --postgres "<connection string>"
//
// "load" compares the webhook with a bare Kestrel endpoint and raw LiteDB commits, or with
// --postgres, 1 and 2 instances on PostgreSQL with raw PostgreSQL commits; "seed" writes responses
// through the service's own stores, then times the reads the board and the digest make.
using ZaloBot.Benchmarks;

return args switch
{
    ["load", .. var rest] when Options.Parse(rest).String("postgres") is { } postgres => await PostgresLoadBenchmark.RunAsync(Options.Parse(rest), postgres),
    ["seed", .. var rest] => await SeedBenchmark.RunAsync(Options.Parse(rest)),
    ["reads", .. var rest] => await SeedBenchmark.TimeReadsAsync(Options.Parse(rest)),
    ["load", .. var rest] => await LoadBenchmark.RunAsync(Options.Parse(rest)),
    _ => await LoadBenchmark.RunAsync(Options.Parse(args)),
};
