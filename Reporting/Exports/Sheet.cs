namespace Reporting.Exports;

/// <summary>
/// What one XLSX sheet or one CSV file is written from. Unlike a <see cref="Table"/>, its
/// <see cref="Rows"/> may be a sequence read from the store as it is written (the responses):
/// the writers read it once, row by row, and never hold it whole. A row with more or fewer cells
/// than <see cref="Headers"/> stops the writing.
/// </summary>
public sealed record Sheet(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<Cell>> Rows)
{
    public static implicit operator Sheet(Table table) => FromTable(table);

    public static Sheet FromTable(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new(table.Name, table.Headers, table.Rows);
    }
}
