using Reporting.Exports;
using static Reporting.Tests.Exports.SurveySeed;

namespace Reporting.Tests.Exports;

public sealed class ExportFilterTests
{
    [Fact]
    public void A_response_submitted_at_23_30_UTC_counts_for_the_next_Vietnam_day()
    {
        var lateUtc = Response("late", "X01", "2024-06-11T23:30:00Z", 60, new() { ["sex"] = ["f"] });

        var june12 = ResponseSheet.Build(Communes, Questions, [lateUtc], new ExportFilter(June12, June12));
        var june11 = ResponseSheet.Build(Communes, Questions, [lateUtc], new ExportFilter(new(2024, 6, 11), new(2024, 6, 11)));

        Assert.Equal("12/06/2024 06:30:00", Assert.Single(june12.Rows)[3].Text);
        Assert.Empty(june11.Rows);
    }

    [Fact]
    public void A_response_after_17_00_UTC_is_already_the_next_Vietnam_day()
    {
        var evening = Response("eve", "X01", "2024-06-12T17:00:00Z", 60, new() { ["sex"] = ["f"] });

        Assert.False(new ExportFilter(June12, June12).Includes(evening));
        Assert.True(new ExportFilter(June13, June13).Includes(evening));
    }

    [Fact]
    public void Both_ends_of_the_date_range_are_included()
    {
        var table = ResponseSheet.Build(Communes, Questions, Responses, new ExportFilter(June12, June13));

        Assert.Equal(["r1", "r2", "r3", "r4"], table.Rows.Select(row => row[0].Text));
    }

    [Fact]
    public void Date_filter_excludes_responses_outside_the_range()
    {
        var table = ResponseSheet.Build(Communes, Questions, Responses, new ExportFilter(June13, new(2024, 6, 15)));

        Assert.Equal(["r3", "r4", "r5"], table.Rows.Select(row => row[0].Text));
    }

    [Fact]
    public void Commune_filter_excludes_other_communes_responses()
    {
        var table = ResponseSheet.Build(Communes, Questions, Responses, new ExportFilter(June12, new(2024, 6, 15), ["X02", "TT01"]));

        Assert.Equal(["r4", "r5"], table.Rows.Select(row => row[0].Text));
    }

    [Fact]
    public void An_empty_commune_choice_means_the_whole_district()
    {
        var filter = new ExportFilter(June12, June14, []);

        Assert.True(filter.AllCommunes);
        Assert.Equal("Toàn huyện", filter.ScopeName);
        Assert.Equal(4, ResponseSheet.Build(Communes, Questions, Responses, filter).Rows.Count);
    }

    [Fact]
    public void A_range_ending_before_it_starts_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new ExportFilter(June14, June12));
    }
}
