using Reporting.Exports;

namespace Reporting.Tests.Exports;

/// <summary>A small district, three survey days (12–14 June 2024) and a handful of responses.</summary>
internal static class SurveySeed
{
    public static readonly DateOnly June12 = new(2024, 6, 12);
    public static readonly DateOnly June13 = new(2024, 6, 13);
    public static readonly DateOnly June14 = new(2024, 6, 14);

    public static readonly ExportFilter SurveyDays = new(June12, June14);

    public static readonly IReadOnlyList<Commune> Communes =
    [
        new("X01", "Xã Tân Lập"),
        new("X02", "Xã Đông Hòa"),
        new("TT01", "Thị trấn Phú Mỹ"),
    ];

    public static readonly IReadOnlyList<QuestionInfo> Questions =
    [
        new("sex", "Giới tính của ông/bà?", "single", [new("m", "Nam"), new("f", "Nữ")]),
        new("knows", "Ông/bà có biết Chủ tịch UBND xã không?", "single", [new("yes", "Có"), new("no", "Không")]),
        new("field", "Hôm nay ông/bà đến làm thủ tục về lĩnh vực nào?", "multi",
            [new("land", "Đất đai"), new("cert", "Chứng thực"), new("civil", "Hộ tịch")]),
        new("receive", "Ông/bà đánh giá thế nào về việc Chủ tịch UBND xã tiếp công dân, đối thoại với nhân dân?", "single",
            [new("1", "Rất hài lòng"), new("2", "Hài lòng"), new("3", "Bình thường")]),
        new("visits", "Năm nay ông/bà đến bộ phận một cửa mấy lần?", "number", []),
        new("comment", "Ông/bà có ý kiến, kiến nghị gì khác không? (không bắt buộc)", "text", []),
    ];

    /// <summary>Given out of order on purpose: the sheet orders by commune, then date.</summary>
    public static readonly IReadOnlyList<CommuneDay> Days =
    [
        new("X02", June13, 22, 15, 2, ["Lê Văn Cường, hội viên, Hội Cựu chiến binh xã Đông Hòa"]),
        new("X01", June14, 35, 20, 1, ["Nguyễn Văn An, chi hội trưởng, Hội Cựu chiến binh xã Tân Lập"]),
        new("TT01", June12, 60, 41, 4, ["Phạm Văn Dũng, hội viên, Hội Cựu chiến binh thị trấn Phú Mỹ"]),
        new("X01", June12, 40, 30, 3,
            ["Nguyễn Văn An, chi hội trưởng, Hội Cựu chiến binh xã Tân Lập", "Trần Thị Bình, hội viên, Hội Cựu chiến binh xã Tân Lập"]),
        new("X02", June12, 18, 12, 2, ["Lê Văn Cường, hội viên, Hội Cựu chiến binh xã Đông Hòa"]),
        new("X01", June13, null, 25, 0, []),
        new("TT01", new DateOnly(2024, 6, 15), 50, 30, 1, []),
    ];

    public static readonly IReadOnlyList<ResponseRecord> Responses =
    [
        Response("r1", "X01", "2024-06-12T02:15:00Z", seconds: 95,
            new() { ["sex"] = ["m"], ["knows"] = ["yes"], ["field"] = ["land", "cert"], ["receive"] = ["1"], ["visits"] = ["3"],
                    ["comment"] = ["Cán bộ nhiệt tình, hướng dẫn \"rất\" chu đáo."] },
            "too_fast"),
        Response("r2", "X01", "2024-06-12T03:00:00Z", seconds: 140,
            new() { ["sex"] = ["f"], ["knows"] = ["no"], ["field"] = ["land"], ["comment"] = ["   "] }),
        Response("r3", "X01", "2024-06-13T04:30:00Z", seconds: 120,
            new() { ["sex"] = ["m"], ["knows"] = ["yes"], ["field"] = ["civil"], ["receive"] = ["2"] }),
        Response("r4", "X02", "2024-06-13T08:45:30Z", seconds: 200,
            new() { ["sex"] = ["f"], ["knows"] = ["no"], ["field"] = ["cert"],
                    ["comment"] = ["Cần thêm ghế ngồi chờ,\nnhất là cho người cao tuổi"] }),
        Response("r5", "TT01", "2024-06-15T02:00:00Z", seconds: 80,
            new() { ["sex"] = ["m"], ["knows"] = ["yes"], ["receive"] = ["3"], ["comment"] = ["Ngoài đợt khảo sát"] }),
    ];

    public static SurveyData Data => new(Communes, Questions, Days, Responses);

    public static ResponseRecord Response(
        string id, string commune, string submittedUtc, int seconds,
        Dictionary<string, IReadOnlyList<string>> answers, params string[] flags)
    {
        var submitted = DateTimeOffset.Parse(submittedUtc, System.Globalization.CultureInfo.InvariantCulture);
        return new(id, commune, submitted.AddSeconds(-seconds), submitted, answers, flags);
    }

    /// <summary>Every cell as the CSV prints it, headers first: what the assertions compare.</summary>
    public static string[][] Texts(Sheet table) =>
        [[.. table.Headers], .. table.Rows.Select(row => row.Select(cell => cell.ToString()).ToArray())];

    /// <summary>Compares the data rows (headers left out) cell by cell as text.</summary>
    public static void AssertRows(Sheet table, params string[][] expected) => Assert.Equal(expected, Texts(table)[1..]);
}
