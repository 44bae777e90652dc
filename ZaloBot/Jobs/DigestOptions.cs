using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace ZaloBot.Jobs;

/// <summary>The "Digest" section: where the daily digest goes and when the jobs run (Vietnam time).</summary>
public sealed class DigestOptions
{
    private const string HourMinute = @"^([01]\d|2[0-3]):[0-5]\d$";

    /// <summary>The OA's working group (GMF <c>group_id</c>); without it the digest goes 1:1 to officials only.</summary>
    public string? GroupId { get; set; }

    [RegularExpression(HourMinute, ErrorMessage = "Digest:Time must be a time of day such as 17:00.")]
    public string Time { get; set; } = "17:00";

    [RegularExpression(HourMinute, ErrorMessage = "Digest:ReminderTime must be a time of day such as 16:15.")]
    public string ReminderTime { get; set; } = "16:15";

    /// <summary>The working group's invitation link (https://zalo.me/g/…), given to each volunteer who registers.</summary>
    [Url(ErrorMessage = "Digest:GroupLink must be a link such as https://zalo.me/g/abcdef123.")]
    public string? GroupLink { get; set; }

    /// <summary>Post each volunteer's photo to the group (when there is one), with the commune's and the sender's name.</summary>
    public bool RelayPhotos { get; set; } = true;

    public TimeOnly DigestAt => TimeOnly.ParseExact(Time, "HH:mm", CultureInfo.InvariantCulture);

    public TimeOnly ReminderAt => TimeOnly.ParseExact(ReminderTime, "HH:mm", CultureInfo.InvariantCulture);
}
