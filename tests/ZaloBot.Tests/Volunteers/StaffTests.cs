using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ZaloBot.Survey;
using ZaloBot.Tests.Support;
using ZaloBot.Volunteers;

namespace ZaloBot.Tests.Volunteers;

/// <summary>
/// The service with invite codes configured, the seed plan's survey window (12–14 June 2024) and a
/// fake clock that starts on its first morning, driven over the signed webhook like the real OA.
/// </summary>
public abstract class StaffTests : BotTests
{
    public const string X07Code = "TL2024AB";
    public const string X08Code = "TA2024CD";
    public const string DistrictCode = "HUYEN2024";
    public const string Volunteer = "7100000000000000001";
    public const string Official = "7200000000000000001";
    public const string Citizen = "7300000000000000001";

    protected static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    protected static readonly DateOnly June12 = new(2024, 6, 12);

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 6, 12, 9, 0, 0, Vietnam));

    /// <summary>Settings on top of <see cref="BotHost"/>'s; a test class adds its own.</summary>
    protected virtual Dictionary<string, string?> Settings => new()
    {
        ["Survey:DefinitionPath"] = SeedSurvey.Path,
        ["Staff:InviteCodes:X07"] = X07Code,
        ["Staff:InviteCodes:X08"] = X08Code,
        ["Staff:DistrictInviteCode"] = DistrictCode,
    };

    public override async Task InitializeAsync()
    {
        Zalo = await FakeZaloServer.StartAsync();
        Bot = await BotHost.StartAsync(Zalo, Settings, builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(Clock);
            Configure(builder);
        });
    }

    /// <summary>Lets a test class replace services (a fault to inject) before the service is built.</summary>
    protected virtual void Configure(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder)
    {
    }

    /// <summary>Sends one text over the webhook and waits until it has been handled and answered.</summary>
    protected async Task SayAsync(string userId, string text)
    {
        await Bot.SendTextAsync(userId, text);
        await Bot.IdleAsync();
    }

    protected Task RegisterAsync(string userId, string commune = "X07", string code = X07Code) => SayAsync(userId, $"DK {commune} {code}");

    protected Task RegisterOfficialAsync(string userId = Official) => SayAsync(userId, $"DK HUYEN {DistrictCode}");

    protected string LastReplyTo(string userId) => RepliesTo(userId)[^1];

    protected StaffMember? StaffOf(string userId) => Bot.Get<IStaffStore>().Find(userId);

    /// <summary>Moves the fake clock to a Vietnam wall-clock time.</summary>
    protected void SetVietnamTime(DateOnly date, int hour, int minute) =>
        Clock.SetUtcNow(new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, minute)), Vietnam));

    /// <summary>A user_send_image event in Zalo's shape, the image at <paramref name="url"/>.</summary>
    protected string ImageEvent(string userId, string url, string? caption) => ImageEvent(userId, [url], caption);

    /// <summary>A user_send_image event with one attachment per URL, in order.</summary>
    protected string ImageEvent(string userId, IReadOnlyList<string> urls, string? caption) => new JsonObject
    {
        ["app_id"] = BotHost.AppId,
        ["sender"] = new JsonObject { ["id"] = userId },
        ["recipient"] = new JsonObject { ["id"] = BotHost.OaId },
        ["event_name"] = "user_send_image",
        ["message"] = new JsonObject
        {
            ["msg_id"] = Bot.NextMsgId(),
            ["text"] = caption,
            ["attachments"] = new JsonArray([.. urls.Select(url => (JsonNode)new JsonObject
            {
                ["type"] = "image",
                ["payload"] = new JsonObject { ["url"] = url, ["thumbnail"] = url },
            })]),
        },
        ["timestamp"] = Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
    }.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>Stores <paramref name="count"/> answered surveys for a commune, submitted now.</summary>
    protected void SeedResponses(string commune, int count)
    {
        var store = Bot.Get<IResponseStore>();
        var at = Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < count; i++)
            Assert.True(store.TryAdd(new StoredResponse { SurveyId = "PKS02_2024", RespondentKey = $"{commune}-{at.Ticks}-{i}", CommuneCode = commune, StartedAt = at, SubmittedAt = at }));
    }
}

/// <summary>The shipped survey file with the seed plan's window: 12 June 2024 07:00 to 14 June 2024 17:30.</summary>
internal static class SeedSurvey
{
    public static string Path { get; } = SurveyFiles.Window("2024-06-12T07:00:00", "2024-06-14T17:30:00");
}
