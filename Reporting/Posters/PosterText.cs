using System.Globalization;

namespace Reporting.Posters;

/// <summary>
/// Every word a citizen reads on a poster, in one place. Written for someone who has never used a
/// chatbot: one action per step, the button named as Zalo shows it.
/// </summary>
internal static class PosterText
{
    public const string Heading = "KHẢO SÁT Ý KIẾN NGƯỜI DÂN";

    public const string Subject = "về Chủ tịch Ủy ban nhân dân xã, thị trấn";

    public const string ShortInstruction = "Quét mã → bấm Nhắn tin → gửi:";

    public const string Anonymous = "Ý kiến được giữ kín, mỗi người trả lời 01 lần.";

    public const string Help = "Cần giúp? Tổ công tác tại bộ phận một cửa sẵn sàng hướng dẫn.";

    public static string Period(DateOnly opens, DateOnly closes) =>
        string.Create(CultureInfo.InvariantCulture, $"Thời gian khảo sát: từ ngày {opens:dd/MM/yyyy} đến ngày {closes:dd/MM/yyyy}");

    public const string ListTitle = "Danh sách mã QR code";

    /// <summary>What the citizen does, as Zalo shows it: the scan opens the OA's page, where "Nhắn tin" starts the chat.</summary>
    public static IReadOnlyList<string> Steps(string communeCode, string? oaName = null) =>
    [
        "Mở Zalo, bấm nút quét mã QR (góc trên, cạnh ô tìm kiếm) rồi hướng camera vào mã QR trên đây.",
        string.IsNullOrWhiteSpace(oaName)
            ? "Zalo mở trang Official Account của đơn vị khảo sát. Bấm nút “Nhắn tin” trên trang đó."
            : $"Zalo mở trang Official Account “{oaName}”. Bấm nút “Nhắn tin” trên trang đó.",
        $"Gửi mã {communeCode}, rồi trả lời từng câu hỏi bằng cách gõ số của câu trả lời.",
    ];
}
