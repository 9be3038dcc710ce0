using System.CommandLine;

namespace Breezeblock.Cli;

/// <summary>Arguments several commands take.</summary>
internal static class CommonArguments
{
    public static Argument<string> Folder() => new("DIR") { Description = "The folder of Python config files" };
}
