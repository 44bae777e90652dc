using System.Globalization;
using System.Text.RegularExpressions;
using Reporting;
using Reporting.Quota;

namespace ZaloBot.Volunteers;

/// <summary>One line of the staff help: what to send, what it does, and who may send it (null: everyone).</summary>
public sealed record StaffCommandHelp(StaffCommandKind? Kind, string Example, string Meaning, StaffRole? Role);

/// <summary>Every text the bot sends staff. Polite ("anh/chị"), short, and each says what to send next.</summary>
public static partial class StaffTexts
{
    public const string RegisterUsage =
        "Để đăng ký, anh/chị gửi: DK <mã xã> <mã mời>, ví dụ: DK X07 TL2024AB. Cán bộ cấp huyện gửi: DK HUYEN <mã mời>.";

    public const string WrongCode =
        "Mã mời không đúng hoặc đã bị thu hồi. Anh/chị kiểm tra lại mã với Ban Chỉ đạo huyện rồi gửi lại: DK <mã xã> <mã mời>.";

    public const string CodeTooShort = "Mã mời cần ít nhất 6 chữ cái hoặc chữ số, ví dụ: MAMOI X07 TL2024AB.";

    public const string AnsweringAsCitizen =
        "Anh/chị đang trả lời khảo sát như một người dân: các tin nhắn tiếp theo là câu trả lời. " +
        "Khi xong, gửi THOAT để trở lại công việc cán bộ.";

    public const string OfficialsDoNotReport =
        "Số lượt và ảnh báo cáo do cán bộ từng xã gửi. Anh/chị xem tiến độ bằng BAOCAO (cả huyện) hoặc TIENDO X07 (một xã).";

    public const string PhotoNotDownloaded = "Chưa tải được ảnh anh/chị gửi. Xin anh/chị gửi lại ảnh.";

    public const string NotAnImage = "Tệp anh/chị gửi không phải ảnh (JPEG, PNG, WebP hoặc GIF). Xin gửi lại ảnh chụp.";

    private static readonly StaffCommandHelp[] Commands =
    [
        new(StaffCommandKind.Visitors, "LUOT 35", "số lượt người dân đến bộ phận một cửa hôm nay (gửi lại để sửa; ngày trước: LUOT 35 ngày 12/06)", StaffRole.Commune),
        new(null, "📷 ảnh chụp", "ảnh tuyên truyền, hỗ trợ người dân tại bộ phận một cửa, có thể kèm chú thích", StaffRole.Commune),
        new(StaffCommandKind.Progress, "TIENDO", "tiến độ của xã hôm nay", StaffRole.Commune),
        new(StaffCommandKind.Digest, "BAOCAO", "báo cáo tiến độ cả huyện lúc này", StaffRole.District),
        new(StaffCommandKind.Progress, "TIENDO X07", "tiến độ hôm nay của một xã (hoặc TIENDO Tân Lập)", StaffRole.District),
        new(StaffCommandKind.SetCode, "MAMOI X07 TL2024AB", "đặt mã mời mới cho xã X07 (MAMOI HUYEN … cho cấp huyện)", StaffRole.District),
        new(StaffCommandKind.RevokeCode, "THUHOI X07", "thu hồi mã mời của xã X07 (THUHOI HUYEN cho cấp huyện)", StaffRole.District),
        new(StaffCommandKind.Name, "TEN Nguyễn Văn A, Hội CCB xã", "họ tên và chức vụ của anh/chị, ghi vào báo cáo ngày", null),
        new(StaffCommandKind.AnswerAsCitizen, "KHAOSAT", "tự trả lời khảo sát như một người dân (THOAT để trở lại)", null),
        new(StaffCommandKind.Help, "HUONGDAN", "xem lại hướng dẫn này", null),
    ];

    public static string Help(StaffRole role) =>
        "Anh/chị có thể gửi:\n" + string.Join('\n', For(role).Select(c => $"• {c.Example}: {c.Meaning}"));

    /// <summary>THOAT is everyone's; the other commands are those the role's help lists.</summary>
    public static bool Allows(StaffRole role, StaffCommandKind kind) =>
        kind == StaffCommandKind.BackToStaff || For(role).Any(c => c.Kind == kind);

    public static string NotUnderstood(StaffRole role) => "Chưa rõ yêu cầu của anh/chị.\n" + Help(role);

    /// <summary>Officials are refused the commune's reports; volunteers the district's commands.</summary>
    public static string NotForRole(StaffRole role) => role == StaffRole.District
        ? OfficialsDoNotReport
        : "Lệnh này dành cho cán bộ cấp huyện.\n" + Help(role);

    /// <summary>For a member the district board has disabled on the dashboard.</summary>
    public const string Disabled =
        "Tài khoản cán bộ của anh/chị đã bị tạm ngừng nên chưa gửi được báo cáo. Xin liên hệ tổ công tác cấp huyện nếu cần hỗ trợ.";

    public static string BackToStaff(StaffRole role) => "Anh/chị đang ở chế độ cán bộ.\n" + Help(role);

    /// <summary>How a command is written, from the help line of the role.</summary>
    public static string Usage(StaffRole role, StaffCommandKind kind) =>
        For(role).FirstOrDefault(c => c.Kind == kind) is { } help
            ? $"Xin gửi đúng dạng, ví dụ: {help.Example} ({help.Meaning})."
            : Help(role);

    public static string UnknownScope(string word) =>
        $"Không có xã, thị trấn mã \"{word.ToUpperInvariant()}\". Mã xã in trên áp phích khảo sát, ví dụ X07; cấp huyện dùng HUYEN.";

    public static string TryAgainAt(DateTime untilUtc, DateTime nowUtc)
    {
        var until = VietnamTime.ToLocal(new DateTimeOffset(untilUtc, TimeSpan.Zero));
        var when = VietnamTime.DateOf(untilUtc) == VietnamTime.DateOf(nowUtc)
            ? until.ToString("HH:mm", CultureInfo.InvariantCulture)
            : until.ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);
        return $"Anh/chị đã gửi sai mã mời nhiều lần. Để giữ an toàn, xin thử lại sau {when} (giờ Việt Nam).";
    }

    public const string NameUsage = "Xin gửi họ tên và chức vụ, cách nhau bằng dấu phẩy, ví dụ: TEN Nguyễn Văn A, Hội CCB xã.";

    public const string AskName = "Xin anh/chị cho biết họ tên và chức vụ, ví dụ: TEN Nguyễn Văn A, Hội CCB xã.";

    public const string CountDropped = "Đã hủy, số lượt chưa được ghi. Khi cần, anh/chị gửi lại LUOT <số>, ví dụ: LUOT 35.";

    /// <summary>
    /// The welcome after registering: who they are now, the commune they left when they moved, the
    /// group's link, and a volunteer's name asked once. Only officials can sign in to the dashboard (the code
    /// goes to officials), so only they are told their login name.
    /// </summary>
    public static string Welcome(StaffMember member, string place, TimeOnly digestTime, string? leftPlace, string? groupLink) => string.Join('\n', new[]
    {
        member.Role == StaffRole.District
            ? $"Đăng ký thành công! Anh/chị là cán bộ cấp huyện, nhận báo cáo tiến độ lúc {Time(digestTime)} mỗi ngày khảo sát. " +
              "Zalo chỉ cho phép gửi tin trong 7 ngày kể từ tin nhắn gần nhất của anh/chị, nên xin nhắn cho OA ít nhất mỗi tuần một lần (ví dụ: BAOCAO)."
            : $"Đăng ký thành công! Anh/chị là cán bộ, tình nguyện viên của {place}.",
        leftPlace is null ? null : $"Anh/chị đã chuyển từ {leftPlace} sang {place}.",
        member.Role == StaffRole.District
            ? $"Tên đăng nhập trang quản lý của anh/chị: {member.LoginName}. Mở trang quản lý, nhập tên này; mã đăng nhập sẽ được gửi cho anh/chị qua Zalo."
            : null,
        string.IsNullOrWhiteSpace(groupLink) ? null : $"Nhóm Zalo của tổ công tác: {groupLink}",
        member.Role == StaffRole.Commune && member.FullName is null ? AskName : null,
        Help(member.Role),
    }.OfType<string>());

    public static string NameRecorded(StaffMember member) =>
        $"Đã ghi: {member.Signature()}. Tên này được ghi vào cột \"Họ tên, chức vụ\" của báo cáo những ngày anh/chị gửi số lượt hoặc ảnh." +
        (member.Position is null ? " Nếu muốn thêm chức vụ, gửi lại: TEN Nguyễn Văn A, Hội CCB xã." : "");

    /// <summary>Reporting stops outside the survey's days; reading figures does not.</summary>
    public static string NotStarted(DateOnly opens, DateOnly closes) =>
        $"Đợt khảo sát chưa bắt đầu: từ {Date(opens)} đến {Date(closes)}. Anh/chị gửi số lượt và ảnh trong những ngày đó; TIENDO vẫn xem được.";

    public static string Ended(DateOnly closes) =>
        $"Đợt khảo sát đã kết thúc ngày {Date(closes)}, nên không ghi thêm số lượt hay ảnh. Anh/chị vẫn xem được tiến độ bằng TIENDO.";

    public static string VisitorsUsage(int max) =>
        $"Số lượt là một số nguyên từ 0 đến {max}, ví dụ: LUOT 35 (hôm nay) hoặc LUOT 35 ngày 12/06 (một ngày trước). Chưa ghi gì.";

    /// <summary>A day the count cannot be for: in the future, or outside the survey.</summary>
    public static string DayNotAllowed(DateOnly day, IReadOnlyList<DateOnly> allowed) =>
        $"Không ghi được số lượt cho ngày {Date(day)}: chỉ ghi cho các ngày khảo sát đến hôm nay ({string.Join(", ", allowed.Select(Date))}). " +
        "Xin gửi lại, ví dụ: LUOT 35 hoặc LUOT 35 ngày " + allowed[0].ToString("dd/MM", CultureInfo.InvariantCulture) + ".";

    /// <summary>A count repeated back before it is stored: for a past day, or far above the commune's usual.</summary>
    public static string ConfirmCount(string place, DateOnly day, int visitors, bool pastDay, int? usual) =>
        string.Join(' ', new[]
        {
            pastDay ? "Anh/chị ghi số lượt cho ngày đã qua." : null,
            usual is { } u ? $"Số này cao hơn nhiều so với thường ngày của xã (khoảng {u} lượt)." : null,
            $"Ghi {visitors} lượt cho {place} ngày {Date(day)}? Gửi 1 để xác nhận, 2 để hủy.",
        }.OfType<string>());

    public static string ConfirmAgain(string place, PendingVisitorCount pending) =>
        $"Xin trả lời: ghi {pending.Visitors} lượt cho {place} ngày {Date(pending.Date)}? Gửi 1 để xác nhận, 2 để hủy.";

    public static string UnknownCommune(string words) =>
        $"Không tìm thấy xã, thị trấn \"{words}\". Xin gửi mã hoặc tên xã, ví dụ: TIENDO X07 hoặc TIENDO Tân Lập.";

    public static string VisitorsRecorded(string place, VisitorCount count)
    {
        var change = count.History[^1];
        var what = change.OldValue is { } old
            ? $"Đã sửa số lượt của {place} ngày {Date(count.Date)}: {old} → {change.NewValue}."
            : $"Đã ghi: {place} ngày {Date(count.Date)} có {change.NewValue} lượt người dân đến làm thủ tục.";
        return what + "\nNếu nhầm, gửi lại LUOT <số đúng>. Gửi TIENDO để xem tiến độ, hoặc gửi ảnh báo cáo.";
    }

    public static string Progress(string place, CommuneDay today, QuotaResult quota, int cumulative, StaffRole viewer) => string.Join('\n',
        $"📊 {place}, hôm nay {Date(today.Date)}:",
        $"• Lượt người dân đến: {today.Visitors?.ToString(CultureInfo.InvariantCulture) ?? "chưa báo cáo"}",
        $"• Phiếu khảo sát: {today.Respondents} (lũy kế {cumulative})",
        $"• Chỉ tiêu: {quota.Status.Label()}{Band(quota.Band)}{(quota.Suspicious ? " · " + QuotaLabels.Suspicious : "")}",
        $"• Ảnh báo cáo: {today.Photos}",
        viewer == StaffRole.District ? "Gửi BAOCAO để xem cả huyện."
            : today.Visitors is null ? "Gửi LUOT <số> để báo số lượt hôm nay, ví dụ: LUOT 35."
            : today.Photos == 0 ? "Xin gửi ảnh báo cáo của hôm nay."
            : "Gửi LUOT <số> để sửa số lượt, hoặc gửi thêm ảnh.");

    public static string PhotoReceived(string place, DateOnly date, int photosToday) =>
        $"Đã nhận ảnh báo cáo của {place} ngày {Date(date)} (ảnh thứ {photosToday} trong ngày). " +
        "Anh/chị có thể gửi thêm ảnh, hoặc gửi LUOT <số> để báo số lượt.";

    public static string PhotoTooLarge(long maxBytes) =>
        $"Ảnh lớn quá (tối đa {maxBytes / (1024.0 * 1024):0.#} MB) nên chưa được lưu. Xin anh/chị gửi lại ảnh nhỏ hơn, ví dụ chụp lại với chất lượng thấp hơn.";

    /// <summary>The photo's caption in the group: the commune first, then who sent it when they gave their name; mentions ("[@…]") the sender wrote are dropped.</summary>
    public static string PhotoRelayCaption(string place, string? sender, string? caption) =>
        $"📷 {place}" + (sender is null ? "" : $" — {sender}") + (string.IsNullOrWhiteSpace(caption) ? "" : ": " + Mention().Replace(caption, "").Trim());

    public static string CodeSet(string place, string scope) =>
        $"Đã đặt mã mời mới cho {place}; mã cũ không dùng được nữa. Người đăng ký gửi: DK {scope} <mã mời>. Thu hồi: THUHOI {scope}.";

    public static string CodeRevoked(string place, string scope) =>
        $"Đã thu hồi mã mời của {place}: không ai đăng ký được bằng mã đó nữa. Đặt mã mới: MAMOI {scope} <mã mới>.";

    public static string Reminder(string place, bool visitorsMissing, bool photosMissing, TimeOnly digestTime)
    {
        var missing = new[] { visitorsMissing ? "số lượt người dân (gửi LUOT <số>, ví dụ LUOT 35)" : null, photosMissing ? "ảnh báo cáo" : null };
        return $"⏰ Nhắc việc: hôm nay {place} chưa gửi {string.Join(" và ", missing.OfType<string>())}. " +
               $"Xin anh/chị gửi trước {Time(digestTime)} để kịp báo cáo tổng hợp.";
    }

    /// <summary>
    /// The reminder to the working group's Zalo group about the communes nobody has registered for:
    /// no volunteer there gets the personal reminder, so the group is told. Null when every commune
    /// has someone.
    /// </summary>
    public static string? GroupReminder(IReadOnlyCollection<Commune> withoutVolunteer, TimeOnly digestTime) =>
        withoutVolunteer.Count == 0
            ? null
            : $"⏰ Nhắc việc: {withoutVolunteer.Count} xã, thị trấn chưa có cán bộ, tình nguyện viên đăng ký báo cáo: " +
              $"{string.Join(", ", withoutVolunteer.Select(c => c.Label()))}. " +
              $"Xin các xã này cử người nhắn cho OA: DK <mã xã> <mã mời>, rồi gửi số lượt (LUOT <số>) và ảnh trước {Time(digestTime)}.";

    public static string ChartTitle(DateOnly date, bool isFinal) =>
        isFinal ? $"Số phiếu cả đợt từng xã (báo cáo cuối, {Date(date)})" : $"Số phiếu từng xã ngày {Date(date)}";

    public static string ChartCaption(DateOnly date, bool isFinal) =>
        $"📈 Biểu đồ {(isFinal ? "cả đợt" : "ngày " + Date(date))}: cột là số phiếu của từng xã, khung là khoảng đạt chỉ tiêu.";

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Date(DateTime stored) => Date(DateOnly.FromDateTime(stored));

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Band(QuotaBand? band) =>
        band is { } b && b.Lowest <= b.Highest ? $" (khoảng đạt: {b.Lowest}–{b.Highest} phiếu)" : "";

    private static IEnumerable<StaffCommandHelp> For(StaffRole role) => Commands.Where(c => c.Role is null || c.Role == role);

    [GeneratedRegex(@"\[@[^\]]*\]")]
    private static partial Regex Mention();
}
