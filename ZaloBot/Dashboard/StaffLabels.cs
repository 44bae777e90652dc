using System.Globalization;
using Reporting;
using ZaloBot.Volunteers;

namespace ZaloBot.Dashboard;

/// <summary>
/// How the dashboard names who sent a report: the name and position given with TEN, or else a
/// volunteer by when they registered and an official by the login name they sign in with.
/// </summary>
internal static class StaffLabels
{
    public static IReadOnlyDictionary<string, string> Of(IStaffStore staff) => staff.All().ToDictionary(m => m.Key, Label);

    public static string Name(IReadOnlyDictionary<string, string> labels, string? staffKey) =>
        staffKey is not null && labels.TryGetValue(staffKey, out var label) ? label : "người đã bị xóa khỏi danh sách";

    private static string Label(StaffMember member)
    {
        if (member.Signature() is { } signature)
            return signature;
        var registered = VietnamTime.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(member.RegisteredAt, DateTimeKind.Utc)))
            .ToString("dd/MM HH:mm", CultureInfo.InvariantCulture);
        return member.Role == StaffRole.District
            ? $"cán bộ huyện {member.LoginName}"
            : $"tổ công tác (đăng ký {registered})";
    }
}
