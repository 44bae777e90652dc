using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Conversation;

/// <summary>How the conversation behaves; bound from the configuration section <see cref="SectionName"/>.</summary>
public sealed class SurveyEngineOptions
{
    public const string SectionName = "Survey";

    /// <summary>After this long without a message, a started survey is dropped and begins again.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>A survey completed in fewer seconds is flagged "too_fast".</summary>
    [Range(0, 3600)]
    public int TooFastSeconds { get; set; } = 60;

    /// <summary>Opening hours of the one-stop desk, Vietnam time; a submission outside them is flagged.</summary>
    public TimeOnly DeskOpensAt { get; set; } = new(7, 0);
    public TimeOnly DeskClosesAt { get; set; } = new(17, 30);

    /// <summary>What a citizen sends to skip an optional question; compared without diacritics, so "bo qua" works too.</summary>
    [Required]
    public string SkipWord { get; set; } = "bỏ qua";

    /// <summary>
    /// Whether a question with up to five answers also offers them as Zalo list buttons (one tap instead of typing);
    /// the numbered text stays in the message, and the conversation itself is the same.
    /// </summary>
    public bool UseListButtons { get; set; } = true;
}
