using ZaloBot.Conversation;
using ZaloBot.Tests.Support;
using ZaloBot.Volunteers;

namespace ZaloBot.Tests.Volunteers;

public sealed class PhotoReportTests(ImageServer images) : StaffTests, IClassFixture<ImageServer>
{
    private const long MaxBytes = 4096;

    private readonly OutboxFault fault = new();

    protected override void Configure(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder) => fault.Install(builder);

    protected override Dictionary<string, string?> Settings => new(base.Settings.Concat(ImageServer.Allowance))
    {
        ["Photos:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Digest:GroupId"] = "g-pks02",
        ["Digest:RelayPhotos"] = "false",
    };

    private async Task SendImageAsync(string userId, byte[] content, string? caption = null) =>
        await SendImageAsync(userId, images.Serve(content), caption);

    private async Task SendImageAsync(string userId, string url, string? caption)
    {
        await Bot.PostEventAsync(ImageEvent(userId, url, caption));
        await Bot.IdleAsync();
    }

    private IReadOnlyList<PhotoReport> Stored => Bot.Get<PhotoReports>().All();

    [Fact]
    public async Task A_volunteers_photo_is_stored_with_commune_day_sender_and_caption_and_acknowledged()
    {
        await RegisterAsync(Volunteer);
        await SendImageAsync(Volunteer, ImageServer.Png, "Tuyên truyền tại bộ phận một cửa");

        var report = Assert.Single(Stored);
        Assert.Equal("X07", report.CommuneCode);
        Assert.Equal(June12, DateOnly.FromDateTime(report.Date));
        Assert.Equal(StaffOf(Volunteer)!.Key, report.StaffKey);
        Assert.Equal("Tuyên truyền tại bộ phận một cửa", report.Caption);
        Assert.Equal("image/png", report.ContentType);
        Assert.Equal(ImageServer.Png, Bot.Get<PhotoReports>().Content(report));
        Assert.Contains("Đã nhận ảnh báo cáo của Xã Tân Lập (X07) ngày 12/06/2024 (ảnh thứ 1", LastReplyTo(Volunteer));
    }

    [Fact]
    public async Task A_photo_over_the_size_limit_is_refused_politely_and_not_stored()
    {
        await RegisterAsync(Volunteer);
        await SendImageAsync(Volunteer, [0xFF, 0xD8, 0xFF, .. new byte[MaxBytes]]);

        Assert.Empty(Stored);
        Assert.Contains("Ảnh lớn quá", LastReplyTo(Volunteer));
        Assert.Contains("gửi lại ảnh nhỏ hơn", LastReplyTo(Volunteer));
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_politely_and_not_stored()
    {
        await RegisterAsync(Volunteer);
        await SendImageAsync(Volunteer, "<html>not a photo</html>"u8.ToArray());

        Assert.Empty(Stored);
        Assert.Equal(StaffTexts.NotAnImage, LastReplyTo(Volunteer));
    }

    [Fact]
    public async Task A_photo_that_cannot_be_fetched_is_asked_for_again()
    {
        await RegisterAsync(Volunteer);
        await SendImageAsync(Volunteer, images.Missing, null);

        Assert.Empty(Stored);
        Assert.Equal(StaffTexts.PhotoNotDownloaded, LastReplyTo(Volunteer));
    }

    [Fact]
    public async Task Two_images_with_the_second_failing_store_the_first_once_and_answer_each()
    {
        await RegisterAsync(Volunteer);
        var before = RepliesTo(Volunteer).Count;
        await Bot.PostEventAsync(ImageEvent(Volunteer, [images.Serve(ImageServer.Png), images.Missing], "Hai ảnh"));
        await Bot.IdleAsync();

        Assert.Single(Stored);
        var replies = RepliesTo(Volunteer).Skip(before).ToList();
        Assert.Equal(2, replies.Count);
        Assert.Contains("ảnh thứ 1", replies[0]);
        Assert.Equal(StaffTexts.PhotoNotDownloaded, replies[1]);
    }

    [Fact]
    public async Task A_photo_event_retried_after_a_failure_stores_the_photo_once()
    {
        await RegisterAsync(Volunteer);
        fault.FailNextEnqueue();
        await Bot.PostEventAsync(ImageEvent(Volunteer, images.Serve(ImageServer.Png), null));
        await Poll.UntilAsync(() => Bot.Get<ZaloBot.Webhook.Inbox>().Queue.All().Any(i => i.Kind == "user_send_image" && i.Attempts == 1), "the failed first attempt", seconds: 20);
        Clock.Advance(TimeSpan.FromMinutes(1)); // the retry's backoff
        await Bot.IdleAsync();

        Assert.Single(Stored);
        Assert.Contains("ảnh thứ 1", LastReplyTo(Volunteer));
    }

    [Fact]
    public async Task A_photo_after_the_survey_has_ended_is_refused_and_not_stored()
    {
        await RegisterAsync(Volunteer);
        SetVietnamTime(new DateOnly(2024, 6, 15), 9, 0);
        await SendImageAsync(Volunteer, ImageServer.Png);

        Assert.Empty(Stored);
        Assert.StartsWith("Đợt khảo sát đã kết thúc ngày 14/06/2024", LastReplyTo(Volunteer));
    }

    [Fact]
    public async Task A_citizens_image_gets_a_polite_reply_and_is_not_stored()
    {
        await SendImageAsync(Citizen, ImageServer.Png, "X07");

        Assert.Empty(Stored);
        Assert.Equal(BotTexts.ImageIsNotAnswer, LastReplyTo(Citizen));
    }

    [Fact]
    public async Task With_the_relay_turned_off_photos_stay_out_of_the_group()
    {
        await RegisterAsync(Volunteer);
        await SendImageAsync(Volunteer, ImageServer.Png);

        Assert.Single(Stored);
        Assert.Empty(Zalo.CallsTo("/v3.0/oa/group/message"));
    }
}

public sealed class PhotoRelayTests(ImageServer images) : StaffTests, IClassFixture<ImageServer>
{
    protected override Dictionary<string, string?> Settings => new(base.Settings.Concat(ImageServer.Allowance))
    {
        ["Digest:GroupId"] = "g-pks02",
    };

    [Fact]
    public async Task With_a_group_a_photo_goes_there_by_default_with_the_communes_name_and_no_mentions()
    {
        await RegisterAsync(Volunteer);
        await Bot.PostEventAsync(ImageEvent(Volunteer, images.Serve(ImageServer.Png), "Hỗ trợ người dân [@123456]"));
        await Bot.IdleAsync();

        var upload = Assert.Single(Zalo.CallsTo("/v2.0/oa/upload/image"));
        Assert.StartsWith("file:", upload.Form["file"]);
        var group = Assert.Single(Zalo.CallsTo("/v3.0/oa/group/message")).Json;
        Assert.Equal("g-pks02", group["recipient"]!["group_id"]!.GetValue<string>());
        Assert.Equal("📷 Xã Tân Lập (X07): Hỗ trợ người dân", group["message"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_named_senders_photo_carries_their_name_in_the_group_and_names_them_on_duty_that_day()
    {
        await RegisterAsync(Volunteer);
        await SayAsync(Volunteer, "TEN Nguyễn Văn Đức, Hội CCB xã");
        await Bot.PostEventAsync(ImageEvent(Volunteer, images.Serve(ImageServer.Png), "Hỗ trợ người dân"));
        await Bot.IdleAsync();

        var group = Assert.Single(Zalo.CallsTo("/v3.0/oa/group/message")).Json;
        Assert.Equal("📷 Xã Tân Lập (X07) — Nguyễn Văn Đức, Hội CCB xã: Hỗ trợ người dân", group["message"]!["text"]!.GetValue<string>());
        Assert.Equal(["Nguyễn Văn Đức, Hội CCB xã"], Bot.Get<ZaloBot.Reports.DailyFigures>().Days(June12, June12, "X07", reporters: true).Single().OnDuty);
    }
}
