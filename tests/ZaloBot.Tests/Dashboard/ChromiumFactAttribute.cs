namespace ZaloBot.Tests.Dashboard;

/// <summary>
/// A browser test. It needs Debian's Chromium, which `.ci/run` installs; on a developer's machine
/// without it the test is reported as skipped with the install command, while in CI (CI=true) it
/// always runs, so a missing browser fails there instead of passing unseen.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Executable = "/usr/bin/chromium";

    public static bool Available => File.Exists(Executable) || Environment.GetEnvironmentVariable("CI") == "true";

    public ChromiumFactAttribute()
    {
        if (!Available)
            Skip = $"Debian's Chromium is not installed at {Executable}: apt-get install chromium (or run .ci/run).";
    }
}
