using System.Runtime.Versioning;
using ZaloBot.Storage;
using ZaloBot.Tests.Support;

namespace ZaloBot.Tests.Storage;

/// <summary>The keys folder holds what turns the data file back into Zalo ids: the service's own user only.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class KeyFileModeTests
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task The_keys_folder_is_0700_and_the_hashing_and_data_protection_keys_are_0600()
    {
        await using var host = await WebApplicationHandle.StartSandboxAsync();
        host.Get<Secrets>().Protect("7000000000000000001"); // the first protection writes the key ring

        var keys = Path.Combine(Path.GetDirectoryName(host.App.Configuration["Storage:Path"])!, "keys");
        Assert.Equal(Folder, System.IO.File.GetUnixFileMode(keys));
        Assert.Equal(File, System.IO.File.GetUnixFileMode(Path.Combine(keys, "respondent.key")));
        var ring = Directory.GetFiles(keys, "*.xml");
        Assert.NotEmpty(ring);
        Assert.All(ring, key => Assert.Equal(File, System.IO.File.GetUnixFileMode(key)));
        Assert.Empty(Directory.GetFiles(keys, "*.tmp"));
    }
}
