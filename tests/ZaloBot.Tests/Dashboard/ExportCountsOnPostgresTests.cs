using Reporting.Exports;
using ZaloBot.Conversation;
using ZaloBot.Reports;
using ZaloBot.Tests.Storage;
using ZaloBot.Tests.Support;

namespace ZaloBot.Tests.Dashboard;

[Trait("Category", "Postgres")]
public sealed class ExportCountsOnPostgresTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [SkippableFact]
    public async Task The_summary_and_tallies_over_a_long_range_from_the_counters_equal_those_counted_from_the_responses()
    {
        database.Reset();
        await using var zalo = await FakeZaloServer.StartAsync();
        await using var bot = await BotHost.StartAsync(zalo, PostgresStoreContract.SettingsOf(database));
        // Far enough apart that the counters are read in several ranges of days, and summed.
        var (from, to) = (new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));
        DashboardSeed.Responses(bot.Services, "X07", new DateOnly(2024, 1, 1), 3);
        DashboardSeed.Responses(bot.Services, "X07", new DateOnly(2024, 6, 12), 2, seconds: 40, QualityFlags.TooFast);
        DashboardSeed.Responses(bot.Services, "X08", new DateOnly(2024, 9, 30), 4, seconds: 300, QualityFlags.OutsideDeskHours);
        DashboardSeed.Responses(bot.Services, "X07", new DateOnly(2024, 12, 31), 1);
        var figures = bot.Get<DailyFigures>();
        var filter = new ExportFilter(from, to);

        var stored = figures.ExportData(from, to);
        var counted = stored with { Counts = null, Responses = figures.Responses().ToList() };

        foreach (var sheet in new[] { SummarySheet.SheetName, AnswerTallies.SheetName })
            Assert.Equal(Cells(BoardExport.Build(sheet, counted, filter)), Cells(BoardExport.Build(sheet, stored, filter)));
        var summary = Cells(BoardExport.Build(SummarySheet.SheetName, stored, filter));
        Assert.Equal("2", summary.Single(row => row[0] == "X07")[11]);
        Assert.Equal("4", summary.Single(row => row[0] == "X08")[11]);
        Assert.Contains(Cells(BoardExport.Build(AnswerTallies.SheetName, stored, filter)), row => row[0] == "X07" && row[2] == "sex" && row[7] == "6");
    }

    private static List<string[]> Cells(Sheet sheet) => [.. sheet.Rows.Select(row => row.Select(cell => cell.ToString()).ToArray())];
}
