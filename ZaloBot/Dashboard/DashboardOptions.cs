using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Dashboard;

/// <summary>The dashboard's sign-in; bound from the configuration section <see cref="SectionName"/>.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>
    /// The bootstrap admin password for first setup. Hashed into the database at the first start;
    /// from then on the stored hash wins over this value (see <see cref="ReplaceAdminPassword"/>).
    /// </summary>
    [MinLength(10, ErrorMessage = "Dashboard:AdminPassword must be at least 10 characters.")]
    public string? AdminPassword { get; set; }

    /// <summary>When set, the configured password replaces the stored hash at start: how the password is changed.</summary>
    public bool ReplaceAdminPassword { get; set; }

    /// <summary>A session ends after this many minutes without a request.</summary>
    [Range(5, 10080, ErrorMessage = "Dashboard:SessionMinutes must be between 5 and 10080.")]
    public int SessionMinutes { get; set; } = 480;
}
