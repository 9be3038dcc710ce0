namespace Breezeblock.Tests;

/// <summary>The stream a result's JSON is written to before it reaches its destination.</summary>
public sealed class SpooledBytesTests
{
    private static byte[] Pattern(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 7 % 251)).ToArray();

    [Fact]
    public void What_fits_stays_in_memory_and_comes_out_whole()
    {
        var bytes = Pattern(200_000);
        using var spool = new SpooledBytes();
        spool.Write(bytes, 0, 150_000);
        spool.Write(bytes.AsSpan(150_000));
        var copy = new MemoryStream();
        spool.CopyOut(copy);
        Assert.Null(spool.OverflowPath);
        Assert.Equal(bytes.Length, spool.Length);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public void Past_the_limit_the_rest_goes_to_a_temporary_file_deleted_on_close()
    {
        var bytes = Pattern(300_000);
        var spool = new SpooledBytes(memoryLimit: 100_000);
        for (var offset = 0; offset < bytes.Length; offset += 70_001) // writes that straddle the limit and the blocks
        {
            spool.Write(bytes.AsSpan(offset, Math.Min(70_001, bytes.Length - offset)));
        }
        var path = spool.OverflowPath;
        Assert.NotNull(path);
        Assert.True(File.Exists(path));
        var copy = new MemoryStream();
        spool.CopyOut(copy);
        Assert.Equal(200_000, new FileInfo(path).Length); // the first 100,000 stayed in memory
        Assert.Equal(bytes, copy.ToArray());
        spool.Dispose();
        Assert.False(File.Exists(path));
    }
}
