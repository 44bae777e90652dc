using Quartz;
using ZaloBot.Jobs;
using ZaloBot.Tests.Support;
using ZaloBot.Tests.Volunteers;

namespace ZaloBot.Tests.Jobs;

/// <summary>Changes the process's local time zone, so it runs alone, after the tests that may run in parallel.</summary>
[CollectionDefinition(nameof(MachineTimeZone), DisableParallelization = true)]
public sealed class MachineTimeZone;

[Collection(nameof(MachineTimeZone))]
public sealed class ScheduleTests : StaffTests
{
    private static readonly DateTimeOffset June12Morning = new(2024, 6, 12, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("UTC")]
    [InlineData("America/Los_Angeles")]
    [InlineData("Asia/Tokyo")]
    public async Task The_digest_fires_at_17_00_and_the_reminder_at_16_15_Vietnam_time_whatever_the_machines_zone(string machineZone)
    {
        var scheduler = await Bot.Get<ISchedulerFactory>().GetScheduler();
        var digest = await scheduler.GetTrigger(DigestJob.Daily);
        var reminder = await scheduler.GetTrigger(ReminderJob.Daily);

        using (LocalTimeZone(machineZone))
        {
            Assert.Equal(machineZone, TimeZoneInfo.Local.Id);
            Assert.Equal(new DateTimeOffset(2024, 6, 12, 10, 0, 0, TimeSpan.Zero), digest!.GetFireTimeAfter(June12Morning));
            Assert.Equal(new DateTimeOffset(2024, 6, 12, 9, 15, 0, TimeSpan.Zero), reminder!.GetFireTimeAfter(June12Morning));
        }
    }

    [Fact]
    public async Task After_17_00_the_digest_is_checked_again_every_quarter_hour_until_midnight_then_at_17_00_next_day()
    {
        var digest = await (await Bot.Get<ISchedulerFactory>().GetScheduler()).GetTrigger(DigestJob.Daily);

        Assert.Equal(new DateTimeOffset(2024, 6, 12, 17, 15, 0, Vietnam), digest!.GetFireTimeAfter(new DateTimeOffset(2024, 6, 12, 17, 0, 0, Vietnam)));
        Assert.Equal(new DateTimeOffset(2024, 6, 13, 17, 0, 0, Vietnam), digest.GetFireTimeAfter(new DateTimeOffset(2024, 6, 12, 23, 45, 0, Vietnam)));
    }

    [Fact]
    public async Task At_16_15_the_volunteers_of_communes_that_have_not_reported_are_reminded()
    {
        await RegisterAsync(Volunteer);
        await RegisterAsync(Citizen, "X08", X08Code);
        await RegisterOfficialAsync();
        await SayAsync(Citizen, "LUOT 40");
        Bot.Get<ZaloBot.Volunteers.PhotoReports>().Add(new() { CommuneCode = "X08", Date = June12.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), ContentType = "image/png" }, ImageServer.Png);
        SetVietnamTime(June12, 16, 14);
        await Bot.IdleAsync();
        Assert.DoesNotContain(RepliesTo(Volunteer), r => r.StartsWith('⏰'));

        Clock.Advance(TimeSpan.FromMinutes(1));
        await Poll.UntilAsync(() => RepliesTo(Volunteer).Any(r => r.StartsWith('⏰')), "the reminder", seconds: 20);
        await Bot.IdleAsync();

        Assert.Equal(
            "⏰ Nhắc việc: hôm nay Xã Tân Lập (X07) chưa gửi số lượt người dân (gửi LUOT <số>, ví dụ LUOT 35) và ảnh báo cáo. Xin anh/chị gửi trước 17:00 để kịp báo cáo tổng hợp.",
            LastReplyTo(Volunteer));
        Assert.DoesNotContain(RepliesTo(Citizen), r => r.StartsWith('⏰'));
        Assert.DoesNotContain(RepliesTo(Official), r => r.StartsWith('⏰'));
    }

    /// <summary>Makes <paramref name="zone"/> the process's local zone until disposed (.NET reads TZ on Unix).</summary>
    private static IDisposable LocalTimeZone(string zone)
    {
        var before = Environment.GetEnvironmentVariable("TZ");
        Environment.SetEnvironmentVariable("TZ", zone);
        TimeZoneInfo.ClearCachedData();
        return new Restore(() =>
        {
            Environment.SetEnvironmentVariable("TZ", before);
            TimeZoneInfo.ClearCachedData();
        });
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
