using System.Collections;
using System.Reflection;
using LiteDB;
using ZaloBot.Storage;
using ZaloBot.Storage.LiteDb;

namespace ZaloBot.Tests.Storage;

/// <summary>
/// LiteDB's compiled-expression cache is one for the process: the test that counts it runs alone,
/// not beside tests whose own queries would add to it.
/// </summary>
[CollectionDefinition(nameof(LiteQueryTests), DisableParallelization = true)]
public sealed class LiteExpressionCache;

/// <summary>The LiteDB queries the stores run on every claim and lookup: through their index, compiled once.</summary>
[Collection(nameof(LiteQueryTests))]
public sealed class LiteQueryTests : IDisposable
{
    private readonly LiteDatabase db = new(":memory:");
    private readonly ILiteCollection<QueueItem> items;

    public LiteQueryTests()
    {
        items = db.GetCollection<QueueItem>("queue");
        items.EnsureIndex(x => x.DueAt);
        items.EnsureIndex(x => x.Partition);
        for (var i = 0; i < 20; i++)
            items.Insert(new QueueItem { Partition = $"user-{i % 5}", Kind = $"k{i}", Payload = "", DueAt = DateTime.UtcNow.AddMinutes(i) });
    }

    public void Dispose() => db.Dispose();

    /// <summary>How many expression texts LiteDB keeps compiled (its static caches).</summary>
    private static int CompiledExpressions() =>
        typeof(BsonExpression).GetFields(BindingFlags.NonPublic | BindingFlags.Static)
            .Select(f => f.GetValue(null)).OfType<ICollection>().Sum(c => c.Count);

    [Fact]
    public void Queries_for_new_values_reuse_one_compiled_expression()
    {
        _ = items.Find(LiteQuery.Eq(nameof(QueueItem.Partition), "warm-up")).ToList();
        _ = items.Find(LiteQuery.Between(nameof(QueueItem.DueAt), DateTime.UnixEpoch, DateTime.UtcNow)).ToList();
        var before = CompiledExpressions();

        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(4, items.Find(LiteQuery.Eq(nameof(QueueItem.Partition), $"user-{i % 5}")).Count());
            _ = items.Find(LiteQuery.Between(nameof(QueueItem.DueAt), DateTime.UnixEpoch, DateTime.UtcNow.AddSeconds(i))).ToList();
            _ = items.Find(LiteQuery.StartsWith(nameof(QueueItem.Partition), $"user-{i}")).ToList();
            Assert.Single(items.Query()
                .Where(LiteQuery.Eq(nameof(QueueItem.Partition), $"user-{i % 5}"))
                .Where(LiteQuery.Eq(nameof(QueueItem.Kind), $"k{i % 20}"))
                .ToList());
        }

        Assert.InRange(CompiledExpressions() - before, 0, 3);
    }

    [Theory]
    [InlineData("eq")]
    [InlineData("between")]
    [InlineData("starts with")]
    public void Parameterised_queries_read_through_the_index(string kind)
    {
        var query = kind switch
        {
            "eq" => LiteQuery.Eq(nameof(QueueItem.Partition), "user-1"),
            "between" => LiteQuery.Between(nameof(QueueItem.DueAt), DateTime.UnixEpoch, DateTime.UtcNow.AddMinutes(5)),
            _ => LiteQuery.StartsWith(nameof(QueueItem.Partition), "user-"),
        };

        var plan = items.Query().Where(query).GetPlan();

        Assert.NotEqual("_id", plan["index"]["name"].AsString);
        Assert.DoesNotContain("FULL INDEX SCAN", plan["index"]["mode"].AsString, StringComparison.Ordinal);
    }
}
