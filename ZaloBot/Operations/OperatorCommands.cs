using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using ZaloBot.Storage;
using ZaloBot.Storage.LiteDb;

namespace ZaloBot.Operations;

/// <summary>
/// <c>outbox failed</c>, <c>outbox retry &lt;id|all&gt;</c> and <c>backup --out &lt;file&gt;</c>. A LiteDB
/// file belongs to one process: while the service runs (its lock file says so) these go through the
/// service's local <c>/admin</c> endpoints; otherwise they open the data file themselves. On
/// PostgreSQL, which several processes share, they use the database directly.
/// </summary>
public static class OperatorCommands
{
    public static async Task<int> OutboxAsync(string[] args, Func<string[], WebApplication> build, TextWriter output, TextWriter error)
    {
        switch (args)
        {
            case ["failed", .. var settings]:
                return await WithServiceOrStoreAsync(settings, build, error,
                    async http => Print(await http.GetFromJsonAsync<List<FailedMessage>>("/admin/outbox/failed") ?? [], output),
                    services => Print(services.GetRequiredService<FailedMessages>().List(), output));
            case ["retry", var target, .. var settings] when target == "all" || long.TryParse(target, CultureInfo.InvariantCulture, out _):
                long? id = target == "all" ? null : long.Parse(target, CultureInfo.InvariantCulture);
                return await WithServiceOrStoreAsync(settings, build, error,
                    async http =>
                    {
                        using var response = await http.PostAsync($"/admin/outbox/retry/{target}", null);
                        response.EnsureSuccessStatusCode();
                        var answer = await response.Content.ReadFromJsonAsync<RetryAnswer>();
                        return Requeued(answer?.Requeued ?? 0, output);
                    },
                    services => Requeued(services.GetRequiredService<FailedMessages>().Retry(id), output));
            default:
                error.WriteLine("outbox: use \"outbox failed\" or \"outbox retry <id|all>\".");
                return 2;
        }
    }

    public static async Task<int> BackupAsync(string[] args, Func<string[], WebApplication> build, TextWriter output, TextWriter error)
    {
        var at = Array.IndexOf(args, "--out");
        if (at < 0 || at + 1 >= args.Length || args[at + 1].StartsWith("--", StringComparison.Ordinal))
        {
            error.WriteLine("backup: missing --out <file>, where to write the copy of the data file.");
            return 2;
        }
        var destination = Path.GetFullPath(args[at + 1]);
        string[] settings = [.. args[..at], .. args[(at + 2)..]];
        if (StorageOf(settings, build).Provider == StorageProvider.Postgres)
        {
            error.WriteLine("backup: the data is in PostgreSQL; back it up with pg_dump (see the README).");
            return 2;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var exit = await WithServiceOrStoreAsync(settings, build, error,
            async http =>
            {
                using var response = await http.PostAsync("/admin/backup", null);
                response.EnsureSuccessStatusCode();
                await using var file = File.Create(destination);
                await response.Content.CopyToAsync(file);
                return 0;
            },
            services =>
            {
                services.GetRequiredService<LiteStore>().Backup(destination);
                return 0;
            });
        if (exit == 0)
            output.WriteLine($"backup: {destination} ({new FileInfo(destination).Length} bytes); keep it with a copy of the keys folder.");
        return exit;
    }

    private sealed record RetryAnswer(int Requeued);

    private static StorageOptions StorageOf(string[] settings, Func<string[], WebApplication> build)
    {
        using var app = build(settings);
        return app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
    }

    private static async Task<int> WithServiceOrStoreAsync(
        string[] settings, Func<string[], WebApplication> build, TextWriter error, Func<HttpClient, Task<int>> throughService, Func<IServiceProvider, int> direct)
    {
        var storage = StorageOf(settings, build);
        if (storage.Provider == StorageProvider.LiteDb && DataFileLock.OwnerOf(storage.FullPath) is { } owner)
        {
            if (owner.Address is null)
            {
                error.WriteLine($"The service (process {owner.ProcessId}) holds {storage.FullPath} but is not answering yet; try again in a moment.");
                return 2;
            }
            using var http = new HttpClient { BaseAddress = new Uri(owner.Address), Timeout = TimeSpan.FromMinutes(10) };
            http.DefaultRequestHeaders.Add(LocalOnly.CommandHeader, "1");
            try
            {
                return await throughService(http);
            }
            catch (HttpRequestException e)
            {
                error.WriteLine($"The service (process {owner.ProcessId}) at {owner.Address} did not answer: {e.Message}");
                return 2;
            }
        }
        using var app = build(settings);
        return direct(app.Services);
    }

    private static int Print(IReadOnlyList<FailedMessage> failed, TextWriter output)
    {
        if (failed.Count == 0)
        {
            output.WriteLine("No failed messages.");
            return 0;
        }
        output.WriteLine("id\tkind\tfailed at (UTC)\tZalo code\treason");
        foreach (var f in failed)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{f.Id}\t{f.Kind}\t{f.FailedAt:yyyy-MM-dd HH:mm:ss}\t{f.Code}\t{f.Reason}"));
        output.WriteLine($"{failed.Count} failed; send them again with \"outbox retry <id>\" or \"outbox retry all\".");
        return 0;
    }

    private static int Requeued(int count, TextWriter output)
    {
        output.WriteLine(count == 0 ? "Nothing to retry: no failed message with that id." : $"{count} message(s) queued to be sent again.");
        return 0;
    }
}
