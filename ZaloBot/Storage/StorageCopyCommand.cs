using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Npgsql;
using ZaloBot.Dashboard;
using ZaloBot.Jobs;
using ZaloBot.Storage.LiteDb;
using ZaloBot.Storage.Postgres;
using ZaloBot.Survey;
using ZaloBot.Volunteers;
using ZaloBot.Zalo;

namespace ZaloBot.Storage;

/// <summary>
/// <c>storage copy --to-postgres "&lt;connection string&gt;"</c>: copies the LiteDB data file of the
/// configuration (<c>Storage:Path</c>, with its keys folder) into an empty PostgreSQL database, for a
/// district that started on one machine and now runs several instances. The Data Protection keys go
/// into the database's key ring, so protected ids, messages and tokens are copied as they are; the
/// data goes in one transaction, so a copy that fails leaves the database as it was and can be run
/// again. Sign-in codes, registration lockouts and sent messages are not copied: the first two expire
/// within hours, the last are history the janitor drops anyway.
/// </summary>
public static class StorageCopyCommand
{
    public const string Name = "storage";

    private const int ResponseBatch = 1000;

    /// <param name="args">The arguments after "storage": <c>copy --to-postgres &lt;connection string&gt;</c>, the rest is configuration.</param>
    /// <param name="build">Builds the service (not started) from the configuration arguments.</param>
    public static int Run(string[] args, Func<string[], WebApplication> build, TextWriter output, TextWriter error)
    {
        if (args is not ["copy", .. var copyArgs])
        {
            error.WriteLine("storage: use \"storage copy --to-postgres \\\"<connection string>\\\"\".");
            return 2;
        }
        var at = Array.IndexOf(copyArgs, "--to-postgres");
        if (at < 0 || at + 1 >= copyArgs.Length || string.IsNullOrWhiteSpace(copyArgs[at + 1]) || copyArgs[at + 1].StartsWith("--", StringComparison.Ordinal))
        {
            error.WriteLine("storage copy: missing --to-postgres \"<connection string>\", the PostgreSQL database to copy the LiteDB data file into.");
            return 2;
        }
        var connectionString = copyArgs[at + 1];
        string[] settings = [.. copyArgs[..at], .. copyArgs[(at + 2)..]];
        try
        {
            return Copy(settings, connectionString, build, output);
        }
        catch (Exception e) when (e is CopyRefusedException or StorageStartException)
        {
            error.WriteLine("storage copy: " + e.Message);
            return 2;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
        {
            error.WriteLine($"storage copy: the copy failed and nothing of it was kept, run it again: {e.Message.Split('\n', 2)[0].Trim()}");
            return 1;
        }
    }

    private static int Copy(string[] settings, string connectionString, Func<string[], WebApplication> build, TextWriter output)
    {
        // The data file of the configuration, whichever provider it names now.
        using var source = build([.. settings, "--Storage:Provider=LiteDb"]);
        var storage = source.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (!File.Exists(storage.FullPath))
            throw new CopyRefusedException($"no LiteDB data file at {storage.FullPath} (Storage:Path); nothing to copy.");
        if (DataFileLock.OwnerOf(storage.FullPath) is { } owner)
            throw new CopyRefusedException($"the service (process {owner.ProcessId}) is running on {storage.FullPath}; stop it first, so nothing changes during the copy.");
        var sourceKeys = KeyRing(source);
        if (sourceKeys.Count == 0)
            throw new CopyRefusedException($"no Data Protection keys in {storage.FullKeysPath} (Storage:KeysPath); the data file's protected ids and messages cannot be read without them.");

        var from = new Stores(source.Services);
        var configured = source.Configuration["Survey:RespondentKeySecret"];
        var secret = string.IsNullOrEmpty(configured) ? Secrets.GeneratedSecret(storage.FullKeysPath) : configured;
        CheckReadable(from, storage);

        using var target = build([.. settings, "--Storage:Provider=Postgres", "--Storage:ConnectionString=" + connectionString, "--Survey:RespondentKeySecret=" + secret]);
        var database = target.Services.GetRequiredService<PgStore>();
        var to = new Stores(target.Services);
        if (to.Responses.SurveyIds().Count > 0 || to.Staff.All().Count > 0 || to.Conversations.All().Count > 0)
            throw new CopyRefusedException($"the PostgreSQL database at {database.Where} already holds survey data; copy only into an empty database.");

        // Keys first, each on its own commit (the key ring never joins a transaction): copying one again changes nothing.
        var targetKeys = target.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository!;
        foreach (var key in sourceKeys)
            targetKeys.StoreElement(key, NameOf(key));

        var copied = new Copied();
        target.Services.GetRequiredService<IUnitOfWork>().Run(() =>
        {
            CopyData(from, to, copied);
            CheckReadable(from, to, database);
        });
        Report(copied, sourceKeys.Count, database.Where, output);
        if (string.IsNullOrEmpty(configured))
            output.WriteLine($"storage copy: this deployment generated its own hashing key; add it to every instance's configuration: Survey:RespondentKeySecret={secret}");
        return 0;
    }

    private static void CopyData(Stores from, Stores to, Copied copied)
    {
        foreach (var survey in from.Responses.SurveyIds())
            foreach (var batch in from.Responses.Stream(survey).Chunk(ResponseBatch))
                copied.Responses += to.Responses.TryAddMany(batch);
        copied.Conversations = StoreEach(from.Conversations.All(), to.Conversations.Import);
        copied.Staff = StoreEach(from.Staff.All(), to.Staff.Import);
        copied.InviteCodes = StoreEach(from.InviteCodes.All(), to.InviteCodes.Save);
        copied.VisitorCounts = StoreEach(from.VisitorCounts.All(), to.VisitorCounts.Save);
        foreach (var photo in from.Photos.All())
            copied.Photos += to.Photos.Add(photo) ? 1 : 0;
        foreach (var id in from.Blobs.Ids())
        {
            if (from.Blobs.Get(id) is not { } blob)
                continue;
            to.Blobs.Put(id, blob.FileName, blob.Content);
            copied.Files++;
        }
        var roster = from.Roster.All();
        if (roster.Count > 0)
            to.Roster.ReplaceAll(roster);
        copied.Roster = roster.Count;
        foreach (var run in from.JobRuns.All())
            copied.JobRuns += to.JobRuns.TryClaim(run) ? 1 : 0;
        if (from.ModeHistory.LiveSince() is { } liveSince)
            to.ModeHistory.MarkLive(liveSince);
        if (from.AdminPassword.Get() is { } password)
        {
            to.AdminPassword.Save(password);
            copied.AdminPassword = true;
        }
        if (from.Tokens.Get() is { } tokens)
        {
            to.Tokens.Save(tokens);
            copied.Tokens = true;
        }
        // Every inbox item (handled ones keep their key, so an event Zalo delivers again is still
        // recognised); of the outbox only what is still to send or waits for an operator.
        var inbox = from.Queues.Inbox.All();
        copied.Events = to.Queues.Inbox.Import(inbox);
        copied.HandledEvents = inbox.Count(x => x.Status == QueueStatus.Done);
        var outbox = from.Queues.Outbox.All().Where(x => x.Status != QueueStatus.Done).ToList();
        copied.Messages = to.Queues.Outbox.Import(outbox);
        copied.FailedMessages = outbox.Count(x => x.Status == QueueStatus.Failed);
    }

    /// <summary>Stores each of <paramref name="records"/> with <paramref name="store"/>; how many there were.</summary>
    private static int StoreEach<T>(IEnumerable<T> records, Action<T> store)
    {
        var stored = 0;
        foreach (var record in records)
        {
            store(record);
            stored++;
        }
        return stored;
    }

    /// <summary>The data file's hashes and protected values must come from the keys and secret configured.</summary>
    private static void CheckReadable(Stores from, StorageOptions storage)
    {
        if (from.Staff.All() is not [var member, ..])
            return;
        string userId;
        try
        {
            userId = from.Staff.UserIdOf(member);
        }
        catch (CryptographicException)
        {
            throw new CopyRefusedException($"the keys in {storage.FullKeysPath} (Storage:KeysPath) are not the ones the data file was written with.");
        }
        if (from.Staff.KeyOf(userId) != member.Key)
            throw new CopyRefusedException("Survey:RespondentKeySecret is not the one the data file was written with; run the copy with the LiteDB service's configuration.");
    }

    /// <summary>Before the copy commits: the database's key ring reads what was copied, and hashes the same.</summary>
    private static void CheckReadable(Stores from, Stores to, PgStore database)
    {
        if (from.Staff.All() is not [var member, ..])
            return;
        try
        {
            var userId = to.Staff.UserIdOf(member);
            if (to.Staff.KeyOf(userId) == member.Key)
                return;
        }
        catch (CryptographicException)
        {
        }
        throw new CopyRefusedException($"the database at {database.Where} could not read the copied data with its key ring; nothing was kept.");
    }

    private static IReadOnlyCollection<XElement> KeyRing(WebApplication app) =>
        app.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository?.GetAllElements() ?? [];

    /// <summary>A key under the name Data Protection gives it ("key-&lt;id&gt;"); anything else under a hash of its content.</summary>
    private static string NameOf(XElement element) =>
        element.Attribute("id")?.Value is { Length: > 0 } id
            ? "key-" + id
            : "copied-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(element.ToString(SaveOptions.DisableFormatting))))[..32];

    private static void Report(Copied c, int keys, string where, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"storage copy: copied into {where}: {c.Responses} responses, {c.Conversations} conversations in progress, {c.Staff} staff, " +
            $"{c.InviteCodes} invite codes, {c.VisitorCounts} visitor counts, {c.Photos} photos, {c.Files} stored files, {c.Roster} roster entries, " +
            $"{c.JobRuns} job runs, {c.Events} inbox events ({c.HandledEvents} handled, kept to recognise repeats), " +
            $"{c.Messages} messages to send or failed ({c.FailedMessages} failed), {keys} Data Protection keys, " +
            $"admin password: {(c.AdminPassword ? "yes" : "none set")}, token pair: {(c.Tokens ? "yes" : "none stored")}."));
        output.WriteLine("storage copy: not copied: sign-in codes and registration lockouts (they expire within hours) and sent messages (history only).");
    }

    private sealed class Copied
    {
        public int Responses { get; set; }
        public int Conversations { get; set; }
        public int Staff { get; set; }
        public int InviteCodes { get; set; }
        public int VisitorCounts { get; set; }
        public int Photos { get; set; }
        public int Files { get; set; }
        public int Roster { get; set; }
        public int JobRuns { get; set; }
        public int Events { get; set; }
        public int HandledEvents { get; set; }
        public int Messages { get; set; }
        public int FailedMessages { get; set; }
        public bool AdminPassword { get; set; }
        public bool Tokens { get; set; }
    }

    /// <summary>One provider's stores, as the service resolves them.</summary>
    private sealed class Stores(IServiceProvider services)
    {
        public IResponseStore Responses { get; } = services.GetRequiredService<IResponseStore>();
        public IConversationStore Conversations { get; } = services.GetRequiredService<IConversationStore>();
        public IStaffStore Staff { get; } = services.GetRequiredService<IStaffStore>();
        public IInviteCodeStore InviteCodes { get; } = services.GetRequiredService<IInviteCodeStore>();
        public IVisitorCountStore VisitorCounts { get; } = services.GetRequiredService<IVisitorCountStore>();
        public IPhotoStore Photos { get; } = services.GetRequiredService<IPhotoStore>();
        public IBlobStore Blobs { get; } = services.GetRequiredService<IBlobStore>();
        public IRosterStore Roster { get; } = services.GetRequiredService<IRosterStore>();
        public IJobRunStore JobRuns { get; } = services.GetRequiredService<IJobRunStore>();
        public IModeHistoryStore ModeHistory { get; } = services.GetRequiredService<IModeHistoryStore>();
        public IAdminPasswordStore AdminPassword { get; } = services.GetRequiredService<IAdminPasswordStore>();
        public ITokenPairStore Tokens { get; } = services.GetRequiredService<ITokenPairStore>();
        public IWorkQueues Queues { get; } = services.GetRequiredService<IWorkQueues>();
    }

    private sealed class CopyRefusedException(string message) : Exception(message);
}
