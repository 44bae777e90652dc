using System.Text.Json.Nodes;
using ZaloBot.Jobs;
using ZaloBot.Storage;
using ZaloBot.Tests.Support;
using ZaloBot.Tests.Volunteers;
using ZaloBot.Volunteers;
using ZaloBot.Zalo;

namespace ZaloBot.Tests.Jobs;

/// <summary>The 17:00 digest over the real app, its Quartz schedule on the fake clock, and the fake Zalo server.</summary>
public sealed class DigestTests : StaffTests
{
    private const string Group = "f414c8f76fa586fbdfb4";
    private const string SecondOfficial = "7200000000000000002";
    private static readonly DateOnly June15 = new(2024, 6, 15);

    protected override Dictionary<string, string?> Settings => new(base.Settings) { ["Digest:GroupId"] = Group };

    private IEnumerable<JsonNode> GroupMessages => Zalo.CallsTo("/v3.0/oa/group/message").Select(c => c.Json["message"]!);

    private IEnumerable<JsonNode> MessagesTo(string userId) => Zalo.CallsTo("/v3.0/oa/message/cs")
        .Select(c => c.Json)
        .Where(j => j["recipient"]!["user_id"]!.GetValue<string>() == userId)
        .Select(j => j["message"]!);

    private static bool IsImage(JsonNode message) => message["attachment"] is not null;

    /// <summary>The digest's first message: each part starts with the title, and only the first is "phần 1/…" (or has no part number).</summary>
    private static bool IsDigestStart(JsonNode message) =>
        !IsImage(message) && message["text"]!.GetValue<string>() is var text
        && (text.StartsWith("📊", StringComparison.Ordinal) || text.StartsWith("🏁", StringComparison.Ordinal))
        && (!text.Contains("(phần ", StringComparison.Ordinal) || text.Contains("(phần 1/", StringComparison.Ordinal));

    private bool Claimed(DateOnly date) => Bot.Get<DigestRuns>().Claimed(date);

    private async Task DigestSentAsync(DateOnly date)
    {
        await Poll.UntilAsync(() => Claimed(date), $"the digest of {date}", seconds: 20);
        await Bot.IdleAsync();
    }

    [Fact]
    public async Task At_17_00_Vietnam_time_the_digest_goes_to_the_group_and_to_each_official_with_its_chart()
    {
        await RegisterOfficialAsync();
        await RegisterOfficialAsync(SecondOfficial);
        SetVietnamTime(June12, 16, 59);
        await Bot.IdleAsync();
        Assert.DoesNotContain(GroupMessages, IsDigestStart);

        Clock.Advance(TimeSpan.FromMinutes(1));
        await DigestSentAsync(June12);

        var text = Assert.Single(GroupMessages, IsDigestStart)["text"]!.GetValue<string>();
        Assert.StartsWith("📊 Tiến độ khảo sát PKS02_2024 — ngày 12/06/2024", text);
        Assert.Single(GroupMessages, IsImage);
        var parts = GroupMessages.Where(m => !IsImage(m)).Select(m => m["text"]!.GetValue<string>()).Where(t => t.StartsWith("📊", StringComparison.Ordinal)).ToList();
        Assert.All(parts, part => Assert.True(part.Length <= 2000, $"a digest message has {part.Length} characters"));
        foreach (var official in new[] { Official, SecondOfficial })
        {
            Assert.Equal(parts, MessagesTo(official).Where(m => !IsImage(m) && m["text"]!.GetValue<string>().StartsWith("📊", StringComparison.Ordinal)).Select(m => m["text"]!.GetValue<string>()));
            Assert.Single(MessagesTo(official), IsImage);
        }
        Assert.All(Zalo.CallsTo("/v2.0/oa/upload/image"), upload => Assert.StartsWith("file:tien-do-2024-06-12.png:", upload.Form["file"]));
        Assert.Equal(3, Zalo.CallsTo("/v2.0/oa/upload/image").Count);
    }

    [Fact]
    public async Task The_17_00_digest_in_the_group_puts_the_communes_nobody_registered_for_among_those_needing_action()
    {
        await RegisterAsync(Volunteer);
        await RegisterOfficialAsync();
        SetVietnamTime(June12, 16, 59);
        await Bot.IdleAsync();
        Clock.Advance(TimeSpan.FromMinutes(1));
        await DigestSentAsync(June12);

        var lines = GroupMessages.Where(m => !IsImage(m)).Select(m => m["text"]!.GetValue<string>())
            .Where(t => t.StartsWith("📊", StringComparison.Ordinal)).SelectMany(t => t.Split('\n')).ToList();
        Assert.Contains("🙋 Có người đăng ký hỗ trợ: 1/25 xã", lines);
        Assert.Contains(lines, l => l.StartsWith("• X08 Tân An: Chưa có người đăng ký", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("• X07 Tân Lập:", StringComparison.Ordinal) && !l.Contains("Chưa có người đăng ký", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("X07", StringComparison.Ordinal) && l.Contains("Chưa có người đăng ký", StringComparison.Ordinal));
    }

    [Fact]
    public async Task At_16_15_the_group_hears_of_the_communes_nobody_has_registered_for()
    {
        await RegisterAsync(Volunteer);
        SetVietnamTime(June12, 16, 14);
        await Bot.IdleAsync();
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Poll.UntilAsync(() => GroupMessages.Any(m => m["text"]?.GetValue<string>().StartsWith('⏰') == true), "the group reminder", seconds: 20);

        var reminder = Assert.Single(GroupMessages, m => m["text"]?.GetValue<string>().StartsWith('⏰') == true)["text"]!.GetValue<string>();
        Assert.Contains("X08", reminder);
        Assert.DoesNotContain("X07", reminder);
    }

    [Fact]
    public async Task The_reminder_goes_out_once_a_day_however_often_it_is_run_as_by_several_instances()
    {
        await RegisterAsync(Volunteer);
        SetVietnamTime(June12, 16, 0);
        await Bot.IdleAsync();

        Assert.True(Bot.Get<Reminders>().Send() > 0);
        Assert.Equal(0, Bot.Get<Reminders>().Send());
        await Bot.IdleAsync();

        Assert.Single(RepliesTo(Volunteer), r => r.StartsWith('⏰'));
        Assert.Single(GroupMessages, m => m["text"]?.GetValue<string>().StartsWith('⏰') == true);
        Assert.Empty(Bot.Get<DigestRuns>().All());
    }

    [Fact]
    public async Task The_checks_after_17_00_the_same_day_send_nothing_more()
    {
        await RegisterOfficialAsync();
        SetVietnamTime(June12, 17, 0);
        await DigestSentAsync(June12);

        Clock.Advance(TimeSpan.FromMinutes(15));
        Clock.Advance(TimeSpan.FromMinutes(15));
        await ChecksDueByNowDoneAsync();

        Assert.False(Bot.Get<DigestDelivery>().SendIfDue());
        Assert.Single(GroupMessages, IsDigestStart);
        Assert.Single(Bot.Get<DigestRuns>().All());
    }

    [Fact]
    public async Task Before_17_00_nothing_is_sent()
    {
        await RegisterOfficialAsync();
        SetVietnamTime(June12, 16, 59);

        Assert.False(Bot.Get<DigestDelivery>().SendIfDue());
        Assert.False(Claimed(June12));
    }

    [Fact]
    public async Task A_restart_after_17_00_sends_the_missed_digest_once_and_another_restart_sends_nothing()
    {
        await RegisterOfficialAsync();
        await Bot.RestartAsync(start: false); // the service is down over 17:00
        SetVietnamTime(June12, 18, 40);

        await Bot.RestartAsync();
        await DigestSentAsync(June12);
        Assert.Single(GroupMessages, IsDigestStart);
        Assert.Single(MessagesTo(Official), IsDigestStart);

        await Bot.RestartAsync();
        await WaitForStartupCheckAsync();
        Assert.Single(GroupMessages, IsDigestStart);
        Assert.Single(Bot.Get<DigestRuns>().All());
    }

    [Fact]
    public async Task The_day_after_closing_brings_the_final_report_and_the_day_after_that_nothing()
    {
        await RegisterOfficialAsync();
        SetVietnamTime(June15, 17, 5);
        await DigestSentAsync(June15);
        Assert.StartsWith("🏁 BÁO CÁO CUỐI", Assert.Single(GroupMessages, IsDigestStart)["text"]!.GetValue<string>());

        SetVietnamTime(June15.AddDays(1), 17, 5);
        await ChecksDueByNowDoneAsync();
        Assert.False(Bot.Get<DigestDelivery>().SendIfDue());
        Assert.Single(Bot.Get<DigestRuns>().All());
    }

    [Fact]
    public async Task BAOCAO_gives_an_official_the_digest_now_without_claiming_the_day()
    {
        await RegisterOfficialAsync();
        await SayAsync(Official, "BAOCAO");

        Assert.StartsWith("📊 Tiến độ khảo sát PKS02_2024 — ngày 12/06/2024", Assert.Single(MessagesTo(Official), IsDigestStart)["text"]!.GetValue<string>());
        Assert.Single(MessagesTo(Official), IsImage);
        Assert.Empty(GroupMessages);
        Assert.False(Claimed(June12));
    }

    [Fact]
    public async Task A_refused_group_send_is_kept_as_failed_with_Zalos_code_while_officials_still_get_the_digest()
    {
        await RegisterOfficialAsync();
        Zalo.Enqueue("/v3.0/oa/group/message", """{"error":-237,"message":"Group is disabled"}""");
        SetVietnamTime(June12, 17, 0);
        await DigestSentAsync(June12);

        var items = Bot.Get<Outbox>().Queue.All();
        var failed = Assert.Single(items, i => i.Status == QueueStatus.Failed);
        Assert.Equal((nameof(OutboundKind.GroupText), -237), (failed.Kind, failed.Code));
        Assert.All(items.Where(i => i.Kind.StartsWith("User", StringComparison.Ordinal)), i => Assert.Equal(QueueStatus.Done, i.Status));
    }

    [Fact]
    public async Task The_digest_of_a_seeded_day_carries_each_communes_figures()
    {
        await RegisterAsync(Volunteer);
        await RegisterAsync(Citizen, "X08", X08Code);
        await SayAsync(Volunteer, "LUOT 30");
        await SayAsync(Citizen, "LUOT 50");
        SeedResponses("X07", 20);
        SeedResponses("X08", 2);
        SeedResponses("X09", 3);
        Bot.Get<PhotoReports>().Add(new PhotoReport { CommuneCode = "X07", Date = June12.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), ContentType = "image/png" }, ImageServer.Png);

        var text = Bot.Get<DigestReport>().Compose(June12).Text.Split('\n');

        Assert.Contains("📝 Phiếu hôm nay 25 · Lũy kế 25", text);
        Assert.Contains("👥 2/25 xã báo cáo: 80 lượt đến, 22 phiếu (28%)", text);
        Assert.Contains("✅ Đạt 1/25 xã · 📷 1 ảnh", text);
        Assert.Contains("• X08 Tân An: Chưa gửi ảnh · Thiếu phiếu (đông người: cần ≥20)", text);
        Assert.Contains("• X08 Tân An: 50 lượt đến", text);
        Assert.Contains("X07 Tân Lập: 30/20 67% Đạt · LK 20 · 📷1", text);
        Assert.Contains("X08 Tân An: 50/2 4% Thiếu phiếu (đông người: cần ≥20) · LK 2 · 📷0", text);
        Assert.Contains("X09 Tân An Hội: –/3 Chưa báo cáo số lượt · LK 3 · 📷0", text);
        Assert.DoesNotContain(text, line => line.StartsWith("• X07", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_chart_is_a_decodable_png_with_a_bar_per_commune()
    {
        await RegisterAsync(Volunteer);
        await SayAsync(Volunteer, "LUOT 30");

        var digest = Bot.Get<DigestReport>().Compose(June12);

        using var bitmap = SkiaSharp.SKBitmap.Decode(digest.Chart);
        Assert.NotNull(bitmap);
        Assert.Equal(1080, bitmap.Width);
        Assert.True(bitmap.Height > bitmap.Width, "a bar per commune, one under the other, for a phone");
    }

    /// <summary>
    /// Waits until Quartz has fired every digest check due by the fake clock (the daily trigger's next
    /// fire time is past it), then stops the scheduler waiting for every job it started, and lets the
    /// outbox empty: after that nothing more can happen on its own.
    /// </summary>
    private async Task ChecksDueByNowDoneAsync()
    {
        var scheduler = await Bot.Get<Quartz.ISchedulerFactory>().GetScheduler();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await scheduler.GetTrigger(DigestJob.Daily))?.NextFireTimeUtc is not { } next || next <= Clock.GetUtcNow())
        {
            Assert.True(DateTime.UtcNow < deadline, "the digest checks due by now did not run");
            await Task.Delay(20);
        }
        await scheduler.Shutdown(waitForJobsToComplete: true);
        await Bot.IdleAsync();
    }

    /// <summary>The start-up check is a one-off trigger: once it has fired and finished, Quartz drops it.</summary>
    private async Task WaitForStartupCheckAsync()
    {
        var scheduler = await Bot.Get<Quartz.ISchedulerFactory>().GetScheduler();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await scheduler.GetTrigger(DigestJob.AtStartup) is not null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the start-up check did not run");
            await Task.Delay(50);
        }
        await Bot.IdleAsync();
    }
}
