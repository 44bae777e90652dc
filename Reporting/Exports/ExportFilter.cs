namespace Reporting.Exports;

/// <summary>
/// What the board asks an export for: Vietnam days <paramref name="From"/> to <paramref name="To"/>,
/// both included, and the chosen communes. No commune chosen means the whole district, as a board
/// filter with nothing ticked does.
/// </summary>
public sealed record ExportFilter(DateOnly From, DateOnly To, IReadOnlyCollection<string>? Communes = null)
{
    public DateOnly To { get; } = To >= From
        ? To
        : throw new ArgumentException($"The export ends ({To:yyyy-MM-dd}) before it starts ({From:yyyy-MM-dd}).", nameof(To));

    public bool AllCommunes => Communes is not { Count: > 0 };

    /// <summary>How the totals over the filtered communes are labelled.</summary>
    public string ScopeName => AllCommunes ? "Toàn huyện" : "Các xã đã chọn";

    public bool Includes(CommuneDay day) => Includes(day.CommuneCode, day.Date);

    /// <summary>A response counts for the Vietnam day on which it was submitted.</summary>
    public bool Includes(ResponseRecord response) =>
        Includes(response.CommuneCode, VietnamTime.DateOf(response.SubmittedAt));

    private bool Includes(string communeCode, DateOnly day) =>
        day >= From && day <= To && (AllCommunes || Communes!.Contains(communeCode));
}
