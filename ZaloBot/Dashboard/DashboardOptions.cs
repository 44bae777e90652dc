using System.ComponentModel.DataAnnotations;
using System.Net;

namespace ZaloBot.Dashboard;

/// <summary>The dashboard's sign-in; bound from the configuration section <see cref="SectionName"/>.</summary>
public sealed class DashboardOptions : IValidatableObject
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

    /// <summary>
    /// Reverse proxies on other machines whose X-Forwarded-For and X-Forwarded-Proto are believed
    /// (IP addresses). A proxy on this machine (loopback) is always believed.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        TrustedProxies.Where(p => !IPAddress.TryParse(p, out _))
            .Select(p => new ValidationResult($"Dashboard:TrustedProxies must list IP addresses; \"{p}\" is not one."));
}
