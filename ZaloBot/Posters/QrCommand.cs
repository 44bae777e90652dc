namespace ZaloBot.Posters;

/// <summary>
/// <c>qr --out &lt;folder&gt;</c>: writes every commune's QR code (PNG, SVG), its poster and the list
/// sheet to a folder, then exits without starting the web server.
/// </summary>
public static class QrCommand
{
    public const string Name = "qr";

    /// <param name="args">The arguments after "qr": <c>--out &lt;folder&gt;</c>, the rest is configuration.</param>
    /// <param name="build">Builds the service (not started) from the configuration arguments.</param>
    public static int Run(string[] args, Func<string[], WebApplication> build, TextWriter output, TextWriter error)
    {
        var at = Array.IndexOf(args, "--out");
        if (at < 0 || at + 1 >= args.Length || args[at + 1].StartsWith("--", StringComparison.Ordinal))
        {
            error.WriteLine("qr: missing --out <folder>, the folder to write the QR codes and posters to.");
            return 2;
        }

        var folder = Path.GetFullPath(args[at + 1]);
        using var app = build([.. args[..at], .. args[(at + 2)..]]);
        var posters = app.Services.GetRequiredService<QrPosters>();
        if (posters.Problem is { } problem)
        {
            error.WriteLine("qr: " + problem);
            return 2;
        }

        Directory.CreateDirectory(folder);
        var files = 0;
        foreach (var (name, content) in posters.Files())
        {
            File.WriteAllBytes(Path.Combine(folder, name), content);
            files++;
        }
        output.WriteLine($"qr: {files} files written to {folder}");
        return 0;
    }
}
