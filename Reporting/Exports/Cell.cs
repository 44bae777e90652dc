using System.Globalization;

namespace Reporting.Exports;

/// <summary>How a cell is shown in the XLSX: a plain value, a date, a date and time, or a percentage.</summary>
public enum CellFormat
{
    General,
    Date,
    DateTime,
    Percent,
}

/// <summary>
/// One cell of an export: text, a number, a date or empty. Numbers stay numbers so that the XLSX sums and
/// sorts them, dates are Excel dates and percentages numbers shown as percentages; CSV writes every
/// kind as text, numbers culture-invariant (decimal point), dates dd/MM/yyyy.
/// </summary>
public readonly record struct Cell
{
    private Cell(string? text, decimal? number, DateTime? date = null, CellFormat format = CellFormat.General)
    {
        Text = text;
        Number = number;
        Date = date;
        Format = format;
    }

    /// <summary>The text, or for a date the text CSV writes.</summary>
    public string? Text { get; }

    /// <summary>The number; for a percentage, 0–100.</summary>
    public decimal? Number { get; }

    /// <summary>A date (or date and time, Vietnam local) that the XLSX writes as an Excel date.</summary>
    public DateTime? Date { get; }

    public CellFormat Format { get; }

    public static Cell Empty => default;

    public static implicit operator Cell(string? text) => new(text, null);

    public static implicit operator Cell(int number) => new(null, number);

    public static implicit operator Cell(decimal number) => new(null, number);

    public static implicit operator Cell(DateOnly date) =>
        new(date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), null, date.ToDateTime(TimeOnly.MinValue), CellFormat.Date);

    /// <summary>A Vietnam local date and time, to the second.</summary>
    public static Cell LocalTime(DateTime local) =>
        new(local.ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture), null, local, CellFormat.DateTime);

    /// <summary>A percentage given as 0–100: CSV writes the number, the XLSX a fraction shown as "66.7%".</summary>
    public static Cell Percent(decimal percent) => new(null, percent, null, CellFormat.Percent);

    /// <summary>A figure that may not have been reported yet: blank rather than zero.</summary>
    public static Cell Optional(int? number) => number is { } value ? value : Empty;

    public override string ToString() =>
        Number?.ToString(CultureInfo.InvariantCulture) ?? Text ?? "";
}
