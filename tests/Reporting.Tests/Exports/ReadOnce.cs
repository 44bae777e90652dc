using System.Collections;

namespace Reporting.Tests.Exports;

/// <summary>
/// A sequence that can be read only once, as a store's stream is meant to be read, and that says
/// how far it has been read: a second read fails the test.
/// </summary>
internal sealed class ReadOnce<T>(IEnumerable<T> items, Action<int>? onRead = null) : IEnumerable<T>
{
    private bool started;

    public int Read { get; private set; }

    public IEnumerator<T> GetEnumerator()
    {
        if (started)
            throw new InvalidOperationException("The sequence was read a second time.");
        started = true;
        return Items();
    }

    private IEnumerator<T> Items()
    {
        foreach (var item in items)
        {
            Read++;
            onRead?.Invoke(Read);
            yield return item;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
