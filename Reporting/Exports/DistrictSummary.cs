using Reporting.Quota;

namespace Reporting.Exports;

/// <summary>
/// Which answers count as satisfied with the chairman. The default reads the default survey file:
/// "Rất hài lòng" (1) or "Hài lòng" (2) to the overall question ("overall").
/// </summary>
public sealed record Satisfaction(string QuestionId, IReadOnlyList<string> SatisfiedOptionIds)
{
    public static Satisfaction Default { get; } = new("overall", ["1", "2"]);
}

/// <summary>
/// One commune over the filtered days: its quota verdict over the period (as the final digest judges
/// it), its answers and photos, how many answered the satisfaction question and how many of those
/// were satisfied, and what the objectivity checks found. <see cref="Rank"/> is its place in the
/// district by satisfaction, null while too few answered for the share to mean much.
/// </summary>
public sealed record CommuneSummary(
    Commune Commune,
    QuotaResult Quota,
    int Respondents,
    int Photos,
    int SatisfactionAnswered,
    int Satisfied,
    IReadOnlyDictionary<string, int> FlaggedResponses,
    IReadOnlyList<CommuneDay> MoreAnswersThanVisitors)
{
    public decimal? SatisfiedPercent => SatisfactionAnswered > 0 ? AnswerTallies.Percent(Satisfied, SatisfactionAnswered) : null;

    public int? Rank { get; init; }
}

/// <summary>The district's totals over the same communes and days as its <see cref="CommuneSummary"/> rows.</summary>
public sealed record DistrictTotals(
    int Communes,
    int OnTarget,
    int ReportedVisitors,
    int ReportedRespondents,
    int Respondents,
    int Photos,
    int SatisfactionAnswered,
    int Satisfied,
    int FlaggedResponses,
    int MoreAnswersThanVisitors)
{
    public decimal? RatioPercent => ReportedVisitors > 0 ? AnswerTallies.Percent(ReportedRespondents, ReportedVisitors) : null;

    public decimal? SatisfiedPercent => SatisfactionAnswered > 0 ? AnswerTallies.Percent(Satisfied, SatisfactionAnswered) : null;
}

/// <summary>
/// The per-commune figures of the final report and of the summary sheet, computed once: the quota
/// by <see cref="QuotaRule.EvaluatePeriod"/>, the shares by <see cref="AnswerTallies.Tally"/> from the
/// counts (<see cref="SurveyData.CountsFor"/>), never from the responses one by one.
/// </summary>
public static class DistrictSummary
{
    /// <summary>
    /// Communes in survey-file order (a code the file no longer lists comes last, named by its
    /// code). Communes are ranked by the share satisfied once at least
    /// <see cref="QuotaOptions.MinRespondents"/> answered the question; equal shares share a rank.
    /// </summary>
    public static IReadOnlyList<CommuneSummary> Build(SurveyData data, ExportFilter filter, QuotaOptions quota, Satisfaction? satisfaction = null)
    {
        satisfaction ??= Satisfaction.Default;
        var directory = new CommuneDirectory(data.Communes);
        var days = data.Days.Where(filter.Includes).ToLookup(d => d.CommuneCode);
        var counts = data.CountsFor(filter);
        var tallies = counts.Tallies.ToLookup(t => t.CommuneCode);
        var flagged = counts.Flagged.ToLookup(f => f.CommuneCode);
        var question = data.Questions.FirstOrDefault(q => q.Id == satisfaction.QuestionId);
        var codes = data.Communes.Select(c => c.Code)
            .Where(code => filter.AllCommunes || filter.Communes!.Contains(code))
            .Concat(days.Select(g => g.Key))
            .Concat(tallies.Select(g => g.Key))
            .Concat(flagged.Select(g => g.Key))
            .Distinct()
            .Order(directory);
        var rows = codes.Select(code =>
        {
            var commune = data.Communes.FirstOrDefault(c => c.Code == code) ?? new Commune(code, code);
            var own = days[code].ToList();
            var tally = question is null ? [] : AnswerTallies.Tally([question], tallies[code]);
            return new CommuneSummary(
                commune,
                QuotaRule.EvaluatePeriod(own, quota),
                own.Sum(d => d.Respondents),
                own.Sum(d => d.Photos),
                tally.Count > 0 ? tally[0].Answered : 0,
                tally.Where(t => satisfaction.SatisfiedOptionIds.Contains(t.Option.Id)).Sum(t => t.Count),
                flagged[code].Where(f => f.Count > 0).GroupBy(f => f.Flag).ToDictionary(g => g.Key, g => g.Sum(f => f.Count)),
                [.. own.Where(d => d.Respondents > d.Visitors).OrderBy(d => d.Date)]);
        }).ToList();
        return Ranked(rows, quota.MinRespondents);
    }

    public static DistrictTotals Totals(IReadOnlyList<CommuneSummary> communes)
    {
        var reported = communes.Where(c => c.Quota.Visitors is not null).ToList();
        return new DistrictTotals(
            communes.Count,
            communes.Count(c => c.Quota.Status == QuotaStatus.OnTarget),
            Counts.Sum(reported, c => c.Quota.Visitors!.Value),
            reported.Sum(c => c.Quota.Respondents),
            communes.Sum(c => c.Respondents),
            communes.Sum(c => c.Photos),
            communes.Sum(c => c.SatisfactionAnswered),
            communes.Sum(c => c.Satisfied),
            communes.Sum(c => c.FlaggedResponses.Values.Sum()),
            communes.Sum(c => c.MoreAnswersThanVisitors.Count));
    }

    private static List<CommuneSummary> Ranked(List<CommuneSummary> rows, int minAnswered)
    {
        // Compared as fractions, not rounded percentages, so 2/3 ranks above 66.6%.
        var ranked = rows
            .Where(r => r.SatisfactionAnswered >= Math.Max(minAnswered, 1))
            .OrderByDescending(r => (double)r.Satisfied / r.SatisfactionAnswered)
            .ToList();
        var ranks = new Dictionary<string, int>();
        for (var i = 0; i < ranked.Count; i++)
        {
            var tied = i > 0 && (long)ranked[i].Satisfied * ranked[i - 1].SatisfactionAnswered
                == (long)ranked[i - 1].Satisfied * ranked[i].SatisfactionAnswered;
            ranks[ranked[i].Commune.Code] = tied ? ranks[ranked[i - 1].Commune.Code] : i + 1;
        }

        return rows.Select(r => ranks.TryGetValue(r.Commune.Code, out var rank) ? r with { Rank = rank } : r).ToList();
    }
}
