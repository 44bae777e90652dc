using ZaloBot.Tests.Support;

namespace ZaloBot.Tests.Storage;

/// <summary>The storage contract on LiteDB: a data file of its own for each test.</summary>
public sealed class LiteDbStoreContract() : StoreContract(LiteDbSettings(BotHost.NewDataDir()))
{
    private static Dictionary<string, string?> LiteDbSettings(string dataDir) => new()
    {
        ["Storage:Path"] = Path.Combine(dataDir, "survey.db"),
    };

    public override void Dispose()
    {
        base.Dispose();
        var dataDir = Path.GetDirectoryName(base.Settings["Storage:Path"])!;
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // the temp folder is cleaned by the OS
        }
    }
}
