using ZaloBot.Operations;

namespace ZaloBot.Tests.Operations;

[Collection(nameof(NativeHeapTests))]
[CollectionDefinition(nameof(NativeHeapTests), DisableParallelization = true)]
public sealed class NativeHeapTests
{
    [Fact]
    public void On_Linux_the_threshold_for_mapped_blocks_is_fixed_and_an_operators_own_is_left_alone()
    {
        Assert.Equal(OperatingSystem.IsLinux(), NativeHeap.FixMmapThreshold());

        Environment.SetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_", "262144");
        try
        {
            Assert.False(NativeHeap.FixMmapThreshold());
        }
        finally
        {
            Environment.SetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_", null);
        }
    }
}
