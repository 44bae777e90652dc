using Microsoft.Extensions.Options;

namespace ZaloBot.Zalo;

public enum ZaloMode
{
    /// <summary>The embedded Zalo emulator; no credentials needed.</summary>
    Sandbox,

    /// <summary>A real Official Account.</summary>
    Live,
}

public sealed class ZaloOptions
{
    public ZaloMode Mode { get; set; } = ZaloMode.Sandbox;

    public string? AppId { get; set; }

    public string? OaId { get; set; }

    public string? OaSecretKey { get; set; }

    public string? AppSecretKey { get; set; }

    public string? RefreshToken { get; set; }

    public string? AccessToken { get; set; }

    public string OpenApiBaseUrl { get; set; } = "https://openapi.zalo.me";

    public string OAuthBaseUrl { get; set; } = "https://oauth.zaloapp.com";

    public int MaxRequestsPerMinute { get; set; } = 3000;

    /// <summary>
    /// The whole of one Zalo call or one download, reading the answer's body included: a server that
    /// sends a byte every few seconds cannot hold a worker for longer than this.
    /// </summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a message whose sending keeps failing for a passing reason is retried before it waits for an operator.</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// The hosts a user's photo is fetched from: Zalo's media servers (a host matches exactly or as a
    /// subdomain, so "zdn.vn" covers "photo-stal-12.zdn.vn"). Empty means <see cref="DefaultMediaHosts"/>.
    /// </summary>
    public List<string> MediaHosts { get; set; } = [];

    /// <summary>
    /// For tests and local development only: photo downloads may use plain http and reach addresses on
    /// this machine or a private network. Off, only https to a public address of <see cref="MediaHosts"/>.
    /// </summary>
    public bool AllowHttpMedia { get; set; }

    /// <summary>Zalo serves attachments from its CDN domains (e.g. https://photo-stal-12.zdn.vn/…).</summary>
    public static readonly IReadOnlyList<string> DefaultMediaHosts = ["zdn.vn", "zadn.vn"];

    /// <summary>
    /// The mode as configured; an unknown value stops the start naming the setting and the allowed
    /// values (the binder would only say it cannot convert the text).
    /// </summary>
    public static ZaloMode ModeFrom(IConfiguration configuration)
    {
        var text = configuration["Zalo:Mode"];
        if (string.IsNullOrWhiteSpace(text))
            return ZaloMode.Sandbox;
        if (!text.Trim().All(char.IsAsciiLetter) || !Enum.TryParse<ZaloMode>(text.Trim(), ignoreCase: true, out var mode))
            throw new StartupConfigurationException($"Zalo:Mode must be {string.Join(" or ", Enum.GetNames<ZaloMode>())}, not \"{text}\".");
        return mode;
    }

    /// <summary>Sandbox defaults, so the emulator signs and accepts events without any setup.</summary>
    internal static class SandboxDefaults
    {
        public const string AppId = "1000000000000000001";
        public const string OaId = "2000000000000000002";
        public const string OaSecretKey = "sandbox-oa-secret-key";
        public const string AppSecretKey = "sandbox-app-secret";
        public const string AccessToken = "sandbox-access-token";
        public const string RefreshToken = "sandbox-refresh-token";
    }

    /// <summary>Fills what the sandbox needs and the operator left empty.</summary>
    internal void ApplySandboxDefaults()
    {
        if (Mode != ZaloMode.Sandbox)
            return;
        AppId ??= SandboxDefaults.AppId;
        OaId ??= SandboxDefaults.OaId;
        OaSecretKey ??= SandboxDefaults.OaSecretKey;
        AppSecretKey ??= SandboxDefaults.AppSecretKey;
        AccessToken ??= SandboxDefaults.AccessToken;
        RefreshToken ??= SandboxDefaults.RefreshToken;
    }
}

/// <summary>Live mode refuses to start, naming the first missing key, rather than failing on the first event.</summary>
public sealed class ZaloOptionsValidator : IValidateOptions<ZaloOptions>
{
    public ValidateOptionsResult Validate(string? name, ZaloOptions o)
    {
        if (o.CallTimeout <= TimeSpan.Zero)
            return ValidateOptionsResult.Fail("Zalo:CallTimeout must be a positive time span, like 00:00:15.");
        if (o.RetryFor < TimeSpan.Zero)
            return ValidateOptionsResult.Fail("Zalo:RetryFor must be a time span of zero or more, like 12:00:00.");
        if (o.Mode != ZaloMode.Live)
            return ValidateOptionsResult.Success;

        string? missing = string.IsNullOrWhiteSpace(o.AppId) ? "Zalo:AppId"
            : string.IsNullOrWhiteSpace(o.OaSecretKey) ? "Zalo:OaSecretKey"
            : string.IsNullOrWhiteSpace(o.AppSecretKey) ? "Zalo:AppSecretKey"
            : string.IsNullOrWhiteSpace(o.RefreshToken) && string.IsNullOrWhiteSpace(o.AccessToken) ? "Zalo:RefreshToken (or Zalo:AccessToken)"
            : null;
        if (missing is not null)
            return ValidateOptionsResult.Fail($"{missing} is required when Zalo:Mode is Live.");
        if (o.MaxRequestsPerMinute <= 0)
            return ValidateOptionsResult.Fail("Zalo:MaxRequestsPerMinute must be a positive number.");
        if (!Uri.TryCreate(o.OpenApiBaseUrl, UriKind.Absolute, out _) || !Uri.TryCreate(o.OAuthBaseUrl, UriKind.Absolute, out _))
            return ValidateOptionsResult.Fail("Zalo:OpenApiBaseUrl and Zalo:OAuthBaseUrl must be absolute URLs.");
        return ValidateOptionsResult.Success;
    }
}
