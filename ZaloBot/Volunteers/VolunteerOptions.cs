using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Volunteers;

/// <summary>The "Staff" section: the invite codes staff register with.</summary>
public sealed class StaffOptions
{
    /// <summary>Per commune code ("Staff:InviteCodes:X07"); a code set or revoked in chat overrides it.</summary>
    public Dictionary<string, string> InviteCodes { get; set; } = [];

    /// <summary>The code district officials register with ("DK HUYEN &lt;code&gt;").</summary>
    public string? DistrictInviteCode { get; set; }
}

/// <summary>The "Photos" section: what a volunteer's photo report may weigh.</summary>
public sealed class PhotoOptions
{
    [Range(1L, 50L * 1024 * 1024, ErrorMessage = "Photos:MaxBytes must be between 1 byte and 50 MB.")]
    public long MaxBytes { get; set; } = 5L * 1024 * 1024;
}
