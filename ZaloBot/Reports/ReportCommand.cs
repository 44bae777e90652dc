namespace ZaloBot.Reports;

/// <summary>
/// <c>report --out &lt;file&gt;</c>: writes the final report (.docx) over the survey days so far,
/// then exits without starting the web server.
/// </summary>
public static class ReportCommand
{
    public const string Name = "report";

    /// <param name="args">The arguments after "report": <c>--out &lt;file&gt;</c>, the rest is configuration.</param>
    /// <param name="build">Builds the service (not started) from the configuration arguments.</param>
    public static int Run(string[] args, Func<string[], WebApplication> build, TextWriter output, TextWriter error)
    {
        var at = Array.IndexOf(args, "--out");
        if (at < 0 || at + 1 >= args.Length || args[at + 1].StartsWith("--", StringComparison.Ordinal))
        {
            error.WriteLine("report: missing --out <file>, the .docx file to write the final report to.");
            return 2;
        }

        var file = Path.GetFullPath(args[at + 1]);
        using var app = build([.. args[..at], .. args[(at + 2)..]]);
        var report = app.Services.GetRequiredService<FinalReportFile>().Build();
        if (Path.GetDirectoryName(file) is { Length: > 0 } folder)
            Directory.CreateDirectory(folder);
        File.WriteAllBytes(file, report);
        output.WriteLine($"report: the final report was written to {file}");
        return 0;
    }
}
