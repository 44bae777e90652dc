namespace Reporting.Quota;

public static class QuotaRule
{
    public static QuotaResult Evaluate(int? visitors, int respondents, QuotaOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(respondents);
        if (visitors is not { } v)
        {
            return new QuotaResult(null, respondents, QuotaStatus.NotReported, Suspicious: false, Band: null);
        }

        if (v < 0)
        {
            // A stored count below zero cannot be judged: shown as needing a check, never thrown.
            return new QuotaResult(v, respondents, QuotaStatus.NotReported, Suspicious: true, Band: null);
        }

        var band = BandFor(v, options);
        // Above wins over Below when the band is empty (a handful of visitors but more answers than
        // the upper ratio allows): too many answers is the finding that needs checking.
        var status = respondents > band.Highest ? QuotaStatus.Above
            : respondents < band.Lowest ? QuotaStatus.Below
            : QuotaStatus.OnTarget;
        return new QuotaResult(v, respondents, status, Suspicious: respondents > v, band)
        {
            Crowded = IsCrowded(v, options),
        };
    }

    /// <summary>
    /// Judges a commune over several days (the plan counts the quota over "các ngày tiến hành khảo
    /// sát") by applying the daily rule to the totals. Only days with a visitor count take part,
    /// their answers included: answers from an unreported day have no visitors to be compared
    /// with and would otherwise look like an excess.
    /// </summary>
    public static QuotaResult EvaluatePeriod(IEnumerable<CommuneDay> days, QuotaOptions options)
    {
        var all = days.ToList();
        if (all.Select(d => d.CommuneCode).Distinct().Count() > 1)
        {
            throw new ArgumentException("A period is judged for one commune at a time.", nameof(days));
        }

        var reported = all.Where(d => d.Visitors is not null).ToList();
        return reported.Count == 0
            ? Evaluate(null, Counts.Sum(all, d => d.Respondents), options)
            : Evaluate(Counts.Sum(reported, d => d.Visitors!.Value), Counts.Sum(reported, d => d.Respondents), options);
    }

    /// <summary>
    /// The fewest visitors for which some number of answers is on target, so that a quiet day can say
    /// what it lacks; null when no visitor count up to <paramref name="searchUpTo"/> has a band.
    /// </summary>
    public static int? FewestVisitorsWithBand(QuotaOptions options, int searchUpTo = 100_000)
    {
        for (var visitors = 0; visitors <= searchUpTo; visitors++)
        {
            var band = BandFor(visitors, options);
            if (band.Lowest <= band.Highest)
            {
                return visitors;
            }
        }

        return null;
    }

    private static bool IsCrowded(int visitors, QuotaOptions o) => visitors > o.CrowdedVisitorThreshold;

    private static QuotaBand BandFor(int visitors, QuotaOptions o)
    {
        // The plan relaxes the minimum for crowded desks ("quá đông thì ... tối thiểu đạt 20 phiếu"):
        // a fixed floor replaces the ratio, the ceiling still follows the visitors.
        var lowest = IsCrowded(visitors, o)
            ? o.CrowdedMinRespondents
            : Math.Max(Counts.Clamp(Math.Ceiling(o.LowerRatio * visitors)), o.MinRespondents);
        var highest = Counts.Clamp(Math.Floor(o.UpperRatio * visitors));
        return new QuotaBand(lowest, highest);
    }
}
