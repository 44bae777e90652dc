using System.Text;
using Reporting;
using ZaloBot.Volunteers;

namespace ZaloBot.Tests.Volunteers;

public sealed class StaffTextsTests
{
    private static readonly TimeOnly FivePm = new(17, 0);

    [Fact]
    public void Group_reminder_names_each_commune_nobody_registered_for_with_its_code()
    {
        var text = StaffTexts.GroupReminder([new("X04", "Xã Đông Hưng"), new("TT01", "Thị trấn Chợ Mới")], FivePm);

        Assert.Equal(
            "⏰ Nhắc việc: 2 xã, thị trấn chưa có cán bộ, tình nguyện viên đăng ký báo cáo: X04 Đông Hưng, TT01 Chợ Mới. " +
            "Xin các xã này cử người nhắn cho OA: DK <mã xã> <mã mời>, rồi gửi số lượt (LUOT <số>) và ảnh trước 17:00.",
            text);
        Assert.True(text!.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void No_group_reminder_when_every_commune_has_someone()
    {
        Assert.Null(StaffTexts.GroupReminder([], FivePm));
    }

    [Fact]
    public void Group_reminder_for_sixty_communes_fits_one_Zalo_message()
    {
        var communes = Enumerable.Range(1, 60).Select(i => new Commune($"X{i:00}", $"Xã Thạnh Phú Đông {i:00}")).ToList();

        var text = StaffTexts.GroupReminder(communes, FivePm);

        Assert.InRange(text!.Length, 1, 2000);
        Assert.Contains("X60 Thạnh Phú Đông 60.", text);
    }
}
