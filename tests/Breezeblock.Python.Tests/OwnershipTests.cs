namespace Breezeblock.Python.Tests;

[Trait("Category", "Smoke")]
public sealed class OwnershipTests(PythonFixture python)
{
    private PythonRuntime Runtime => python.Runtime;

    [Fact]
    public void References_dropped_without_dispose_are_released_by_the_next_gil_holder()
    {
        PyObject target;
        PyObject getRefCount;
        long before;
        using (Runtime.Acquire())
        {
            target = Runtime.Evaluate("object()");
            getRefCount = Runtime.Evaluate("__import__('sys').getrefcount");
            before = getRefCount.Call(target).As<long>();
            DropReferences(target, 100_000);
            Assert.Equal(before + 100_000, getRefCount.Call(target).As<long>());
        }
        for (var round = 0; round < 3 && ReleaseQueue.Pending < 100_000; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        using (Runtime.Acquire())
        {
            Assert.Equal(before, getRefCount.Call(target).As<long>());
        }
        target.Dispose();
        getRefCount.Dispose();
    }

    // In its own frame, so that no dropped reference stays reachable from a stack slot of the test.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void DropReferences(PyObject target, int count)
    {
        for (var i = 0; i < count; i++)
        {
            _ = target.NewReference();
        }
    }

    [Fact]
    public void Dispose_without_the_gil_releases_at_the_next_entry()
    {
        PyObject value;
        PyObject getRefCount;
        PyObject extra;
        long before;
        using (Runtime.Acquire())
        {
            value = Runtime.Evaluate("[]");
            getRefCount = Runtime.Evaluate("__import__('sys').getrefcount");
            before = getRefCount.Call(value).As<long>();
            extra = value.NewReference();
        }
        extra.Dispose();
        extra.Dispose(); // a second dispose is harmless
        using (Runtime.Acquire())
        {
            Assert.Equal(before, getRefCount.Call(value).As<long>());
            Assert.Throws<ObjectDisposedException>(() => extra.Repr());
        }
        value.Dispose();
        getRefCount.Dispose();
    }

    [Fact]
    public void Releases_wait_while_deferred_and_run_their_del_when_the_deferral_ends()
    {
        PyObject deleted;
        PyObject doomed;
        ReleaseDeferral deferral;
        using (Runtime.Acquire())
        {
            using var globals = Runtime.CreateGlobals();
            Runtime.Execute("deleted = []\nclass Doomed:\n    def __del__(self):\n        deleted.append(1)\ndoomed = Doomed()\n", "<test>", globals).Dispose();
            deleted = globals.GetItem("deleted");
            doomed = globals.GetItem("doomed");
            Runtime.Execute("del doomed\n", "<test>", globals).Dispose(); // the .NET reference is the last one
            deferral = Runtime.DeferReleases();
        }
        doomed.Dispose(); // without the GIL: queued
        using (Runtime.Acquire())
        {
            Assert.Equal(0L, deleted.Length); // entering did not release it: deferred
            deferral.Dispose();
            Assert.Equal(1L, deleted.Length); // the deferral's end did
            deferral.Dispose(); // once
        }
        using (Runtime.Acquire())
        {
            deleted.Dispose();
        }
    }

    [Fact]
    public void Thread_states_of_finished_threads_are_deleted()
    {
        var before = ReleaseQueue.ThreadStatesDeleted;
        StartThreadsThatEnterPython(20);
        for (var round = 0; round < 20 && ReleaseQueue.ThreadStatesDeleted < before + 20; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            using (Runtime.Acquire())
            {
                // entering drains what the finalizers queued
            }
        }
        Assert.True(ReleaseQueue.ThreadStatesDeleted >= before + 20, $"{ReleaseQueue.ThreadStatesDeleted - before} of 20 thread states were deleted");
    }

    // In its own frame, so that no thread object stays reachable from a stack slot of the test.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void StartThreadsThatEnterPython(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var thread = new Thread(() =>
            {
                using (Runtime.Acquire())
                {
                    Runtime.Evaluate("1").Dispose();
                }
            });
            thread.Start();
            thread.Join();
        }
    }
}
