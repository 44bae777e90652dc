using ZaloBot.Storage;
using ZaloBot.Volunteers;

namespace ZaloBot.Tests.Volunteers;

public sealed class RegistrationTests : StaffTests
{
    [Fact]
    public async Task A_volunteer_with_the_communes_code_becomes_staff_of_that_commune()
    {
        await RegisterAsync(Volunteer);

        var member = StaffOf(Volunteer);
        Assert.Equal(StaffRole.Commune, member?.Role);
        Assert.Equal("X07", member?.CommuneCode);
        Assert.Contains("Đăng ký thành công", LastReplyTo(Volunteer));
        Assert.Contains("Xã Tân Lập (X07)", LastReplyTo(Volunteer));
        Assert.Contains("LUOT 35", LastReplyTo(Volunteer));
    }

    [Fact]
    public async Task An_official_registers_with_the_district_code_and_learns_about_the_seven_day_window()
    {
        await RegisterOfficialAsync();

        var member = StaffOf(Official);
        Assert.Equal(StaffRole.District, member?.Role);
        Assert.Null(member?.CommuneCode);
        Assert.Contains("17:00", LastReplyTo(Official));
        Assert.Contains("7 ngày", LastReplyTo(Official));
        Assert.Contains("BAOCAO", LastReplyTo(Official));
    }

    [Fact]
    public async Task Case_and_diacritics_of_the_command_and_code_do_not_matter()
    {
        await SayAsync(Volunteer, "Đk x07 tl2024ab");

        Assert.Equal("X07", StaffOf(Volunteer)?.CommuneCode);
    }

    [Theory]
    [InlineData("DK Tân Lập " + X07Code)]
    [InlineData("dk xa tan lap " + X07Code)]
    [InlineData("dang ky X07 " + X07Code)]
    [InlineData("Đăng ký x07 " + X07Code)]
    public async Task A_volunteer_may_name_the_commune_and_write_the_keyword_in_full(string text)
    {
        await SayAsync(Volunteer, text);

        Assert.Equal("X07", StaffOf(Volunteer)?.CommuneCode);
    }

    [Fact]
    public async Task An_official_may_register_with_dang_ky_huyen()
    {
        await SayAsync(Official, "Đăng ký huyện " + DistrictCode);

        Assert.Equal(StaffRole.District, StaffOf(Official)?.Role);
    }

    [Theory]
    [InlineData("DK X07 SAIMA123")]
    [InlineData("DK X07 " + X08Code)]
    [InlineData("DK HUYEN " + X07Code)]
    public async Task A_wrong_code_is_refused_clearly_and_makes_nobody_staff(string text)
    {
        await SayAsync(Citizen, text);

        Assert.Null(StaffOf(Citizen));
        Assert.Equal(StaffTexts.WrongCode, LastReplyTo(Citizen));
    }

    [Fact]
    public async Task An_unknown_commune_and_a_malformed_registration_say_how_to_register()
    {
        await SayAsync(Citizen, "DK X99 " + X07Code);
        Assert.Contains("Không có xã, thị trấn mã \"X99\"", LastReplyTo(Citizen));

        await SayAsync(Citizen, "DK X07");
        Assert.Equal(StaffTexts.RegisterUsage, LastReplyTo(Citizen));
        Assert.Null(StaffOf(Citizen));
    }

    [Fact]
    public async Task A_code_revoked_by_an_official_no_longer_registers()
    {
        await RegisterOfficialAsync();
        await SayAsync(Official, "THUHOI X07");
        Assert.Contains("Đã thu hồi mã mời của Xã Tân Lập (X07)", LastReplyTo(Official));

        await RegisterAsync(Volunteer);

        Assert.Null(StaffOf(Volunteer));
        Assert.Equal(StaffTexts.WrongCode, LastReplyTo(Volunteer));
    }

    [Fact]
    public async Task A_code_set_in_chat_replaces_the_configured_one_and_is_stored_only_as_a_hash()
    {
        await RegisterOfficialAsync();
        await SayAsync(Official, "MAMOI X07 MOI2024XY");
        Assert.Contains("Đã đặt mã mời mới cho Xã Tân Lập (X07)", LastReplyTo(Official));

        await RegisterAsync(Volunteer);
        Assert.Null(StaffOf(Volunteer));
        await RegisterAsync(Volunteer, code: "moi2024xy");
        Assert.Equal("X07", StaffOf(Volunteer)?.CommuneCode);

        var stored = Bot.Get<IInviteCodeStore>().Find("X07")!;
        Assert.DoesNotContain("MOI2024XY", stored.CodeHash!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_new_code_must_be_at_least_six_letters_or_digits()
    {
        await RegisterOfficialAsync();
        await SayAsync(Official, "MAMOI X07 abc");

        Assert.Equal(StaffTexts.CodeTooShort, LastReplyTo(Official));
        await RegisterAsync(Volunteer);
        Assert.NotNull(StaffOf(Volunteer));
    }

    [Fact]
    public async Task A_volunteer_cannot_change_invite_codes()
    {
        await RegisterAsync(Volunteer);
        await SayAsync(Volunteer, "THUHOI X07");

        Assert.StartsWith("Lệnh này dành cho cán bộ cấp huyện.", LastReplyTo(Volunteer));
        await RegisterAsync(Citizen);
        Assert.NotNull(StaffOf(Citizen));
    }

    [Fact]
    public async Task Three_wrong_codes_in_fifteen_minutes_make_the_user_wait_even_with_the_right_code()
    {
        await SayAsync(Citizen, "DK X07 SAI00001");
        await SayAsync(Citizen, "DK X07 SAI00002");
        await SayAsync(Citizen, "DK X07 SAI00003");
        Assert.Contains("thử lại sau 09:15 (giờ Việt Nam)", LastReplyTo(Citizen));

        await RegisterAsync(Citizen);
        Assert.Null(StaffOf(Citizen));
        Assert.Contains("thử lại sau 09:15", LastReplyTo(Citizen));

        Clock.Advance(TimeSpan.FromMinutes(16));
        await RegisterAsync(Citizen);
        Assert.NotNull(StaffOf(Citizen));
    }

    [Fact]
    public async Task The_wait_doubles_with_each_lockout()
    {
        foreach (var round in new[] { "09:15", "09:46" })
        {
            for (var i = 0; i < RegistrationThrottle.MaxFailures; i++)
                await SayAsync(Citizen, $"DK X07 SAI0000{i}");
            Assert.Contains($"thử lại sau {round}", LastReplyTo(Citizen));
            Clock.Advance(TimeSpan.FromMinutes(16));
        }
    }

    [Fact]
    public async Task Wrong_codes_spread_over_more_than_fifteen_minutes_are_not_slowed_down()
    {
        for (var i = 0; i < 4; i++)
        {
            await SayAsync(Citizen, $"DK X07 SAI0000{i}");
            Assert.Equal(StaffTexts.WrongCode, LastReplyTo(Citizen));
            Clock.Advance(TimeSpan.FromMinutes(8));
        }
    }
}
