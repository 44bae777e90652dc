using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ZaloBot.Storage;

/// <summary>
/// Key material readable by the service's own user only: the keys folder is created 0700 and each
/// key file 0600, from the moment it exists (on Linux and macOS; on Windows the folder's ACL rules).
/// </summary>
internal static class KeyFiles
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(path);
        else
            Directory.CreateDirectory(path, FolderMode);
    }

    /// <summary>A new file, created with mode 0600 (a leftover one of the same name is replaced).</summary>
    public static FileStream Create(string path)
    {
        File.Delete(path);
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = FileMode;
        return new FileStream(path, options);
    }
}

/// <summary>The Data Protection key ring as XML files in the keys folder, each written 0600.</summary>
internal sealed class PrivateXmlRepository(string folder) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.xml").Select(XElement.Load).ToList()
            : [];

    public void StoreElement(XElement element, string friendlyName)
    {
        KeyFiles.CreateFolder(folder);
        var name = friendlyName.Length > 0 && friendlyName.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 ? friendlyName : Guid.NewGuid().ToString();
        var temp = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".tmp");
        using (var stream = KeyFiles.Create(temp))
            element.Save(stream);
        File.Move(temp, Path.Combine(folder, name + ".xml"), overwrite: false);
    }
}
