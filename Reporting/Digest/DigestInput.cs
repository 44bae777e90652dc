using Reporting.Quota;

namespace Reporting.Digest;

/// <summary>
/// What the 17:00 digest is written from. <paramref name="Days"/> holds the commune-days of the
/// survey so far, one per commune per day with anything reported; a commune without a row for
/// <paramref name="Date"/> reported nothing that day. Cumulative figures are summed from the same
/// rows, so the daily and running totals cannot disagree. <paramref name="IsFinal"/> marks the
/// report sent the day after the window closes, which judges each commune over the whole survey.
/// <paramref name="RegisteredVolunteers"/> counts the registered volunteers per commune code; null
/// means the count is not known, and then the digest says nothing about registration. With a count,
/// a commune missing from it has nobody registered.
/// </summary>
public sealed record DigestInput(
    string SurveyTitle,
    DateOnly Date,
    bool IsFinal,
    IReadOnlyList<Commune> Communes,
    IReadOnlyList<CommuneDay> Days,
    QuotaOptions Quota,
    IReadOnlyDictionary<string, int>? RegisteredVolunteers = null);
