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
