namespace Reporting.Exports;

/// <summary>
/// A finished export table: what a CSV file or one XLSX sheet holds. <see cref="Name"/> is the
/// sheet name, so it follows Excel's rules (at most 31 characters, none of <c>:\/?*[]</c>).
/// </summary>
public sealed record Table
{
    public Table(string name, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<Cell>> rows)
    {
        var ragged = rows.Select((row, index) => (row, index)).FirstOrDefault(r => r.row.Count != headers.Count);
        if (ragged.row is not null)
        {
            throw new ArgumentException(
                $"Row {ragged.index} of '{name}' has {ragged.row.Count} cells for {headers.Count} headers.", nameof(rows));
        }

        Name = name;
        Headers = headers;
        Rows = rows;
    }

    public string Name { get; }

    public IReadOnlyList<string> Headers { get; }

    public IReadOnlyList<IReadOnlyList<Cell>> Rows { get; }
}
