using LiteDB;
using ZaloBot.Survey;
using ZaloBot.Tests.Support;
using ZaloBot.Volunteers;

namespace ZaloBot.Tests.Storage;

/// <summary>A data file of an earlier version, whose daily figures were maps of "yyyyMMdd" to a count.</summary>
public sealed class DailySeriesUpgradeTests
{
    [Fact]
    public async Task Figures_kept_as_day_maps_read_the_same_after_the_upgrade()
    {
        var dataDir = BotHost.NewDataDir();
        Directory.CreateDirectory(dataDir);
        using (var old = new LiteDatabase(Path.Combine(dataDir, "survey.db")))
        {
            var series = old.GetCollection("daily_series");
            series.Insert(new BsonDocument
            {
                ["_id"] = "respondents|PKS02_2024|X07",
                ["CommuneCode"] = "X07",
                ["Days"] = new BsonDocument { ["20261103"] = 5, ["20261105"] = 2 },
            });
            series.Insert(new BsonDocument
            {
                ["_id"] = "visitors||X07",
                ["CommuneCode"] = "X07",
                ["Days"] = new BsonDocument { ["20261103"] = 0, ["20261104"] = 9 },
            });
        }

        await using var zalo = await FakeZaloServer.StartAsync();
        await using var bot = await BotHost.StartAsync(zalo, dataDir: dataDir);
        var (nov3, nov5) = (new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 5));

        var responses = bot.Get<IResponseStore>();
        Assert.Equal(new Dictionary<(string, DateOnly), int> { [("X07", nov3)] = 5, [("X07", nov5)] = 2 }, responses.CountByCommuneAndDay("PKS02_2024", nov3, nov5));
        Assert.Equal(7, responses.Count("PKS02_2024"));
        // A day reported with no visitors stays a report of 0, not a missing report.
        Assert.Equal(new Dictionary<(string, DateOnly), int> { [("X07", nov3)] = 0, [("X07", nov3.AddDays(1))] = 9 }, bot.Get<VisitorCounts>().Between(nov3, nov5));
    }
}
