using ZaloBot.Storage.LiteDb;

namespace ZaloBot.Operations;

/// <summary>
/// What the operator's commands ask of a running service that owns its LiteDB file (which no other
/// process may open): a consistent backup, and the outbox's failed messages. Local requests only.
/// </summary>
public static class AdminEndpoints
{
    public static void MapAdmin(this WebApplication app)
    {
        var admin = app.MapGroup("/admin").RequireLocalCommand().DisableAntiforgery();
        admin.MapGet("/outbox/failed", (FailedMessages failed) => Results.Ok(failed.List()));
        admin.MapPost("/outbox/retry/{target}", (string target, FailedMessages failed) =>
            target == "all" ? Results.Ok(new { requeued = failed.Retry(null) })
            : long.TryParse(target, out var id) ? Results.Ok(new { requeued = failed.Retry(id) })
            : Results.BadRequest());
        admin.MapPost("/backup", (IServiceProvider services) =>
        {
            if (services.GetService<LiteStore>() is not { } store)
                return Results.NotFound();
            var copy = Path.Combine(Path.GetDirectoryName(store.Path)!, $".backup-{Guid.NewGuid():N}.db");
            store.Backup(copy);
            var stream = new FileStream(copy, FileMode.Open, FileAccess.Read, FileShare.None, 81920, FileOptions.DeleteOnClose);
            return Results.Stream(stream, "application/octet-stream");
        });
    }
}
