namespace Breezeblock.Testing;

/// <summary>The repository the tests run from: the folder above the test binaries that holds Breezeblock.slnx.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Breezeblock.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("the repository root (Breezeblock.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
