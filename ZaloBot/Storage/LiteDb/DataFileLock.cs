using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace ZaloBot.Storage.LiteDb;

/// <summary>Who holds a data file: its process id and, once it serves requests, its own address.</summary>
public sealed record DataFileOwner(int ProcessId, string? Address);

/// <summary>
/// Keeps a LiteDB data file to one process. LiteDB's direct mode lets a second process open the same
/// file and both then write over each other's pages; so the owner holds <c>survey.db.lock</c> beside
/// it, opened exclusively (an advisory lock the operating system drops when the process ends, however
/// it ends), with its process id and address written in it for the next one to name.
/// </summary>
public sealed class DataFileLock : IDisposable
{
    private readonly FileStream file;

    private DataFileLock(FileStream file) => this.file = file;

    public static string PathFor(string dataFile) => dataFile + ".lock";

    /// <summary>Takes the lock, or refuses with one line naming the process that holds it.</summary>
    public static DataFileLock Acquire(string dataFile)
    {
        var path = PathFor(dataFile);
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            var held = new DataFileLock(stream);
            held.Write(null);
            return held;
        }
        catch (IOException)
        {
            var owner = ReadOwner(path);
            var who = owner is null ? "another process" : $"process {owner.ProcessId}";
            throw new StorageStartException(
                $"{dataFile} is in use by {who} (the running service, see {path}); stop it first, or use another Storage:Path.");
        }
    }

    /// <summary>The process that holds the data file now, or null when none does.</summary>
    public static DataFileOwner? OwnerOf(string dataFile)
    {
        var path = PathFor(dataFile);
        if (!File.Exists(path))
            return null;
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return null; // nobody holds it: left by a process that has ended
        }
        catch (IOException)
        {
            return ReadOwner(path) ?? new DataFileOwner(0, null);
        }
    }

    /// <summary>Records the address the service answers on, for commands that go through it (backup, outbox).</summary>
    public void RecordAddress(string address) => Write(address);

    private void Write(string? address)
    {
        var text = Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n" + (address is null ? "" : address + "\n");
        file.SetLength(0);
        file.Write(Encoding.UTF8.GetBytes(text));
        file.Flush(flushToDisk: true);
    }

    private static DataFileOwner? ReadOwner(string path)
    {
        var lines = ReadLockedText(path)?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines is [var pid, ..] && int.TryParse(pid, CultureInfo.InvariantCulture, out var id)
            ? new DataFileOwner(id, lines.Length > 1 ? lines[1] : null)
            : null;
    }

    /// <summary>
    /// .NET takes a shared advisory lock to open any file for reading, which the owner's exclusive one
    /// refuses; the plain system calls read it without taking a lock.
    /// </summary>
    private static string? ReadLockedText(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            return null;
        var fd = Open(path, 0);
        if (fd < 0)
            return null;
        try
        {
            var buffer = new byte[256];
            var read = Read(fd, buffer, buffer.Length);
            return read > 0 ? Encoding.UTF8.GetString(buffer, 0, (int)read) : null;
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [DllImport("libc", EntryPoint = "open")]
    [SuppressMessage("Globalization", "CA2101:Specify marshaling for P/Invoke string arguments", Justification = "The path is marshalled explicitly as UTF-8, which is what libc's open expects.")]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "read")]
    private static extern nint Read(int fd, byte[] buffer, nint count);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);

    public void Dispose() => file.Dispose();
}
