using Microsoft.Extensions.Options;
using ZaloBot.Storage;
using ZaloBot.Storage.LiteDb;

namespace ZaloBot.Tests.Storage;

/// <summary>
/// The LiteDB store's own machinery: units handed to <see cref="LiteStore.RunAsync"/> share commits
/// and one that fails fails alone; a queue's pending items, kept in memory, are read again at start.
/// </summary>
public sealed class LiteStoreTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("committer").FullName;
    private LiteStore store;

    public LiteStoreTests()
    {
        store = Open();
    }

    private LiteStore Open() => new(Options.Create(new StorageOptions { Path = Path.Combine(folder, "survey.db") }));

    public void Dispose()
    {
        store.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private sealed class Note
    {
        public int Id { get; set; }
    }

    private List<int> Stored() => [.. store.Collection<Note>("notes").FindAll().Select(n => n.Id).Order()];

    private Task Insert(int id) => store.RunAsync(() => store.Collection<Note>("notes").Insert(new Note { Id = id }));

    /// <summary>Holds the committer inside a unit until released, so the units queued meanwhile form one batch.</summary>
    private (Task Held, ManualResetEventSlim Release) HoldCommitter()
    {
        var inside = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        var held = store.RunAsync(() =>
        {
            inside.Set();
            release.Wait(TimeSpan.FromSeconds(30));
        });
        Assert.True(inside.Wait(TimeSpan.FromSeconds(30)));
        return (held, release);
    }

    [Fact]
    public async Task Units_queued_together_are_all_stored_with_their_after_commit_actions()
    {
        var (held, release) = HoldCommitter();
        var afterCommit = new List<int>();
        var units = Enumerable.Range(1, 5).Select(id => store.RunAsync(() =>
        {
            store.Collection<Note>("notes").Insert(new Note { Id = id });
            LiteStore.AfterCommit(() => afterCommit.Add(id));
        })).ToList();
        release.Set();

        await held;
        await Task.WhenAll(units);
        Assert.Equal([1, 2, 3, 4, 5], Stored());
        Assert.Equal([1, 2, 3, 4, 5], afterCommit);
    }

    [Fact]
    public async Task A_unit_that_throws_among_others_fails_alone_and_stores_nothing()
    {
        var (held, release) = HoldCommitter();
        var first = Insert(1);
        var failing = store.RunAsync(() =>
        {
            store.Collection<Note>("notes").Insert(new Note { Id = 2 });
            throw new InvalidOperationException("refused");
        });
        var last = Insert(3);
        release.Set();

        await held;
        await first;
        await last;
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("refused", e.Message);
        Assert.Equal([1, 3], Stored());
    }

    [Fact]
    public async Task A_lone_unit_that_throws_is_not_run_again()
    {
        var runs = 0;
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.RunAsync(() =>
        {
            runs++;
            throw new InvalidOperationException("refused");
        }));
        await Insert(1);
        Assert.Equal(1, runs);
        Assert.Equal([1], Stored());
    }

    [Fact]
    public void A_reopened_queue_claims_the_pending_items_it_left_in_order_and_not_the_finished_ones()
    {
        var queue = new LiteWorkQueue(store, "inbox", TimeProvider.System, uniqueKeys: true);
        queue.Enqueue([
            new NewQueueItem("a1", "user-a", "text", "first of a"),
            new NewQueueItem("b1", "user-b", "text", "first of b"),
            new NewQueueItem("a2", "user-a", "text", "second of a"),
            new NewQueueItem("c1", "user-c", "text", "only of c"),
        ]);
        var first = queue.Claim(10, TimeSpan.FromMinutes(10));
        Assert.Equal(["first of a", "first of b", "only of c"], first.Select(i => i.Payload));
        queue.Complete(first.Single(i => i.Payload == "only of c"), "sent");
        store.Dispose();

        store = Open();
        queue = new LiteWorkQueue(store, "inbox", TimeProvider.System, uniqueKeys: true);
        Assert.Equal(3, queue.CountPending());
        var again = queue.Claim(10, TimeSpan.FromMinutes(10));
        Assert.Equal(["first of a", "first of b"], again.Select(i => i.Payload));
        queue.Complete(again[0], "sent");
        Assert.Equal(["second of a"], queue.Claim(10, TimeSpan.FromMinutes(10)).Select(i => i.Payload));
        Assert.False(queue.Enqueue(new NewQueueItem("c1", "user-c", "text", "only of c")));
    }
}
