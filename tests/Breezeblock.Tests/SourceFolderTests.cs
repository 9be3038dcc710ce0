namespace Breezeblock.Tests;

/// <summary>Listing a folder reads each file at most once per pass, and an unchanged file not at all.</summary>
public sealed class SourceFolderTests
{
    [Fact]
    public void A_pass_reads_each_file_at_most_once_and_unchanged_files_not_at_all()
    {
        using var folder = new TempFolder(("a.py", "A = 1\n"), ("b.py", "B = 1\n"), ("c.py", "C = 1\n"));
        var buffer = Array.Empty<byte>();

        var first = SourceFolder.Discover(folder.Path);
        Assert.Equal(0, first.FilesRead); // new files: read when they execute
        Assert.All(first.Files, f => Assert.Equal(SourceModule.Unread, f.Hash));
        foreach (var file in first.Files)
        {
            Assert.NotNull(first.ReadToExecute(file.Name, ref buffer));
        }
        Assert.Equal(3, first.FilesRead);

        var again = SourceFolder.Discover(folder.Path, previous: first);
        Assert.Equal(0, again.FilesRead); // nothing changed on disk: nothing read
        Assert.All(again.Files, f => Assert.True(f.SameContent(first.AsExecuted(first.Files.Single(g => g.Name == f.Name)))));

        File.WriteAllText(Path.Combine(folder.Path, "b.py"), "B = 2\n");
        File.WriteAllText(Path.Combine(folder.Path, "c.py"), "C = 1\n"); // rewritten as it was: a new stamp, the same content
        var edited = SourceFolder.Discover(folder.Path, previous: again);
        Assert.Equal(2, edited.FilesRead); // the two whose stamps changed, to know whether their content did
        var b = edited.Files.Single(f => f.Name == "b");
        Assert.False(b.SameContent(again.Files.Single(f => f.Name == "b")));
        Assert.True(edited.Files.Single(f => f.Name == "c").SameContent(again.Files.Single(f => f.Name == "c")));
        var (bytes, _) = edited.ReadToExecute("b", ref buffer)!.Value;
        Assert.Equal("B = 2\n", System.Text.Encoding.UTF8.GetString(bytes.Span));
        Assert.Equal(2, edited.FilesRead); // the bytes read when listing are the bytes that run
    }

    [Fact]
    public void A_file_saved_after_it_was_read_is_remembered_as_it_ran()
    {
        using var folder = new TempFolder(("a.py", "A = 1\n"));
        var buffer = Array.Empty<byte>();
        var first = SourceFolder.Discover(folder.Path);
        File.WriteAllText(Path.Combine(folder.Path, "a.py"), "A = 2\n"); // between listing and executing
        Assert.Equal("A = 2\n", System.Text.Encoding.UTF8.GetString(first.ReadToExecute("a", ref buffer)!.Value.Bytes.Span));
        var next = SourceFolder.Discover(folder.Path, previous: first);
        Assert.True(next.Files.Single().SameContent(first.AsExecuted(first.Files.Single()))); // what ran is what is there: not run again
    }
}
