using System.Runtime.InteropServices;

namespace ZaloBot.Operations;

/// <summary>
/// Keeps large native blocks (the chart bitmaps, mostly) out of the C library's heap on Linux. glibc
/// serves a block of 128 KB or more with its own mapping and unmaps it when freed, but after the
/// first such free it raises that threshold up to 32 MB, so the next bitmaps come from the heap and
/// stay in the working set after they are freed: about 30 MB over the dashboard's reads. Fixing the
/// threshold at 128 KB keeps the reads over 1,000,000 responses under 300 MB (README, Benchmarks).
/// An operator's own <c>MALLOC_MMAP_THRESHOLD_</c> is left alone.
/// </summary>
internal static class NativeHeap
{
    private const int MmapThresholdParameter = -3; // M_MMAP_THRESHOLD in glibc's malloc.h

    private const int MmapThreshold = 128 * 1024;

    /// <summary>True when the threshold was fixed; false elsewhere than on Linux with glibc, or when the operator set it.</summary>
    public static bool FixMmapThreshold()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_") is not null)
            return false;
        try
        {
            return Mallopt(MmapThresholdParameter, MmapThreshold) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Mallopt(int parameter, int value);
}
