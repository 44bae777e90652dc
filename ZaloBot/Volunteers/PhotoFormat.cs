namespace ZaloBot.Volunteers;

/// <summary>Tells a real image from anything else by its first bytes, whatever the sender called it.</summary>
public static class PhotoFormat
{
    /// <summary>The image's content type, or null when the bytes are not a JPEG, PNG, GIF or WebP image.</summary>
    public static string? Detect(ReadOnlySpan<byte> content) =>
        content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8) ? "image/gif"
        : content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;

    public static string ExtensionOf(string contentType) => contentType switch
    {
        "image/png" => ".png",
        "image/gif" => ".gif",
        "image/webp" => ".webp",
        _ => ".jpg",
    };

    /// <summary>What Zalo's image upload takes (jpg/png), so what can be relayed to the group.</summary>
    public static bool Uploadable(string contentType) => contentType is "image/jpeg" or "image/png";
}
