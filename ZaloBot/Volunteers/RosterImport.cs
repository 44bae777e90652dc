using System.Text;
using ZaloBot.Survey;

namespace ZaloBot.Volunteers;

/// <summary>
/// Imports the roster CSV (from the dashboard or <c>dotnet run --project ZaloBot -- roster import
/// file.csv</c>): a file without errors replaces the stored roster; one with errors changes nothing.
/// </summary>
public sealed class RosterImport(Roster roster, SurveyCatalog catalog, ILogger<RosterImport> logger)
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads and checks the file without changing anything: what the dashboard's preview shows.</summary>
    public RosterFile Check(Stream csv) => Read(csv);

    public RosterFile Import(Stream csv)
    {
        var file = Read(csv);
        if (file.Errors.Count > 0)
            return file;
        roster.ReplaceAll(file.Entries);
        logger.LogInformation("Roster imported: {Count} people", file.Entries.Count);
        return file;
    }

    /// <summary>
    /// Runs the command-line verb; returns the process exit code. LiteDB does not guard one data
    /// file against two processes writing it, so the service must be stopped meanwhile.
    /// </summary>
    public static int RunCommand(string path, string[] settings)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"Roster file not found: {path}");
            return 2;
        }
        using var app = ZaloBotApp.Build(settings);
        using var csv = File.OpenRead(path);
        var file = app.Services.GetRequiredService<RosterImport>().Import(csv);
        foreach (var error in file.Errors)
            Console.Error.WriteLine($"Dòng {error.Line}: {error.Message}");
        Console.WriteLine(file.Errors.Count == 0 ? $"Đã nhập {file.Entries.Count} người vào lịch phân công." : "Chưa nhập: xin sửa các dòng trên rồi chạy lại.");
        return file.Errors.Count == 0 ? 0 : 1;
    }

    private RosterFile Read(Stream csv)
    {
        try
        {
            using var reader = new StreamReader(csv, StrictUtf8, detectEncodingFromByteOrderMarks: true);
            var window = (DateOnly.FromDateTime(catalog.Definition.OpensAt), DateOnly.FromDateTime(catalog.Definition.ClosesAt));
            return RosterCsv.Parse(reader.ReadToEnd(), code => catalog.FindCommune(code)?.Code, window);
        }
        catch (DecoderFallbackException)
        {
            return new RosterFile([], [new RosterError(1, "tệp không phải UTF-8: khi lưu từ Excel, chọn \"CSV UTF-8\"")]);
        }
    }
}
