using Reporting.Exports;

namespace Reporting.Tests.Exports;

public sealed class TableTests
{
    [Fact]
    public void A_row_with_more_or_fewer_cells_than_headers_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new Table("t", ["a", "b"], [["1", "2"], ["3"]]));
    }
}
