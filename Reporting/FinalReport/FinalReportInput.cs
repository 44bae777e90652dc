using Reporting.Exports;

namespace Reporting.FinalReport;

/// <summary>A photo the working groups sent, with the line printed under it (for example "X07 Tân Lập, 12/06/2024").</summary>
public sealed record ReportPhoto(byte[] Bytes, string? Caption = null);

/// <summary>
/// What the final report says of itself: its title, who issues it, the survey days it covers
/// (<paramref name="From"/> to <paramref name="To"/>, Vietnam dates, both included), the day and
/// place it is signed, how many photos the working groups sent and a few of them to print.
/// </summary>
public sealed record FinalReportInput(
    string Title,
    string IssuingBody,
    DateOnly From,
    DateOnly To,
    DateOnly IssuedOn,
    int PhotoCount,
    IReadOnlyList<ReportPhoto> SamplePhotos)
{
    /// <summary>The place before the date line ("Phú Mỹ, ngày … tháng … năm …"); left blank to be filled in by hand.</summary>
    public string? Place { get; init; }

    /// <summary>The questions whose answers are shown commune by commune, by id; ids the survey does not have are skipped.</summary>
    public IReadOnlyList<string> KeyQuestionIds { get; init; } = ["knows", "receive", "direct", "duty", "ethics", "extra_pay", "overall"];

    /// <summary>The answers that count as satisfied with the chairman, for the ranking.</summary>
    public Satisfaction Satisfaction { get; init; } = Satisfaction.Default;

    /// <summary>How many comments are quoted per commune; the comments sheet of the XLSX has all of them.</summary>
    public int CommentsPerCommune { get; init; } = 5;

    /// <summary>How many of <see cref="SamplePhotos"/> are printed.</summary>
    public int PhotosPrinted { get; init; } = 6;

    public ExportFilter Filter => new(From, To);
}
