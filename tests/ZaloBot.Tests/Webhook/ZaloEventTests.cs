using System.Text.Json;
using ZaloBot.Tests.Support;
using ZaloBot.Webhook;

namespace ZaloBot.Tests.Webhook;

public sealed class ZaloEventTests
{
    private static ZaloEvent Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return ZaloEvent.Parse(doc)!;
    }

    [Theory]
    [InlineData("user_send_text.json", "user_send_text", "2468458835296197922", "msg:96d3cdf3af150460909")]
    [InlineData("follow.json", "follow", "2468458835296197922", "follow:2468458835296197922:1724921862647")]
    [InlineData("user_submit_info.json", "user_submit_info", "2468458835296197922", "user_submit_info:2468458835296197922:1540368141908")]
    [InlineData("oa_send_text.json", "oa_send_text", "2468458835296197922", "msg:77ecf43f0df7dba892e8")]
    [InlineData("user_seen_message.json", "user_seen_message", "2468458835296197922", "user_seen_message:2468458835296197922:1718166003000")]
    public void Reads_the_user_and_dedupe_key_of_each_event_shape(string fixture, string name, string user, string key)
    {
        var e = Parse(Fixtures.Text(fixture));
        Assert.Equal(name, e.Name);
        Assert.Equal(user, e.UserId);
        Assert.Equal(key, e.DedupeKey);
    }

    [Fact]
    public void Image_attachments_and_caption_are_read()
    {
        var e = Parse(Fixtures.Text("user_send_image.json"));
        Assert.Equal("Tuyên truyền tại bộ phận một cửa", e.Text);
        var image = Assert.Single(e.Attachments);
        Assert.Equal(("image", "https://photo-stal.example/1234.jpg"), (image.Type, image.Url));
    }

    [Fact]
    public void Ids_written_as_json_numbers_keep_every_digit()
    {
        var e = Parse("""{"app_id":3608465248940903967,"event_name":"user_send_text","sender":{"id":2468458835296197922},"message":{"text":"hi","msg_id":"x"},"timestamp":1718166000123}""");
        Assert.Equal("2468458835296197922", e.UserId);
        Assert.Equal("3608465248940903967", e.AppId);
        Assert.Equal("1718166000123", e.Timestamp);
    }

    [Fact]
    public void Vietnamese_and_emoji_text_is_kept_intact() =>
        Assert.Equal("Xã Tân Lập 👍 quay lại", Parse(Fixtures.Text("user_send_text_diacritics_emoji.json")).Text);
}
