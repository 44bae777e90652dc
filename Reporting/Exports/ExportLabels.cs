namespace Reporting.Exports;

/// <summary>Column labels shared by several exports. QCDC's own wording is kept to the letter.</summary>
public static class ExportLabels
{
    public const string CommuneCode = "Mã xã";
    public const string CommuneName = "Tên xã, phường, thị trấn";
    public const string QuestionId = "Mã câu hỏi";
    public const string Question = "Câu hỏi";

    /// <summary>The quality flags as the board reads them; the stored names are for code.</summary>
    private static readonly Dictionary<string, string> FlagNames = new()
    {
        ["too_fast"] = "Trả lời quá nhanh",
        ["outside_desk_hours"] = "Ngoài giờ làm việc",
    };

    /// <summary>A flag in Vietnamese; a flag this build does not know keeps its stored name.</summary>
    public static string Flag(string flag) => FlagNames.GetValueOrDefault(flag, flag);

    public static string Flags(IEnumerable<string> flags) => string.Join("; ", flags.Select(Flag));
}
