namespace ZaloBot.Storage;

public sealed class StorageOptions
{
    /// <summary>The LiteDB data file; its folder is created if missing.</summary>
    public string Path { get; set; } = "data/survey.db";

    /// <summary>
    /// Where the Data Protection keys and the hashing key live. Kept apart from the data file so
    /// that the data file alone never reveals a citizen's Zalo id. Defaults to "keys" beside it.
    /// </summary>
    public string? KeysPath { get; set; }

    internal string FullPath => System.IO.Path.GetFullPath(Path);

    internal string FullKeysPath => KeysPath is { Length: > 0 }
        ? System.IO.Path.GetFullPath(KeysPath)
        : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(FullPath)!, "keys");
}
