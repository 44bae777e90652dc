using MiniExcelLibs;

namespace ZaloBot.Tests.Dashboard;

internal static class Xlsx
{
    /// <summary>The rows of one sheet (the first when unnamed) as MiniExcel reads them, headers included.</summary>
    public static List<object?[]> Rows(byte[] xlsx, string? sheet = null)
    {
        using var stream = new MemoryStream(xlsx);
        return stream.Query(useHeaderRow: false, sheetName: sheet)
            .Cast<IDictionary<string, object?>>()
            .Select(row => row.Values.ToArray())
            .ToList();
    }
}
