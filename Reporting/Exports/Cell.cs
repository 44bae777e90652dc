using System.Globalization;

namespace Reporting.Exports;

/// <summary>
/// One cell of an export: text, a number, or empty. Numbers stay numbers so that the XLSX sums and
/// sorts them; CSV writes both kinds as text, numbers culture-invariant (decimal point).
/// </summary>
public readonly record struct Cell
{
    private Cell(string? text, decimal? number)
    {
        Text = text;
        Number = number;
    }

    public string? Text { get; }

    public decimal? Number { get; }

    public static Cell Empty => default;

    public static implicit operator Cell(string? text) => new(text, null);

    public static implicit operator Cell(int number) => new(null, number);

    public static implicit operator Cell(decimal number) => new(null, number);

    /// <summary>A figure that may not have been reported yet: blank rather than zero.</summary>
    public static Cell Optional(int? number) => number is { } value ? value : Empty;

    public override string ToString() =>
        Number?.ToString(CultureInfo.InvariantCulture) ?? Text ?? "";
}
