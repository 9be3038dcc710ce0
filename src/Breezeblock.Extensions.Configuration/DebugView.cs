using System.Diagnostics;

namespace Breezeblock.Extensions.Configuration;

/// <summary>Tells whether the framework's <c>ConfigurationRootExtensions.GetDebugView</c> is the one reading a key.</summary>
internal static class DebugView
{
    private const string Extensions = "Microsoft.Extensions.Configuration.ConfigurationRootExtensions";

    /// <summary>True when GetDebugView (or a local function of it) is on the calling stack, a few frames up.</summary>
    public static bool IsAsking()
    {
        var frames = new StackTrace(skipFrames: 2, fNeedFileInfo: false).GetFrames();
        foreach (var frame in frames.AsSpan(0, Math.Min(frames.Length, 8)))
        {
            if (DiagnosticMethodInfo.Create(frame)?.DeclaringTypeName is { } type && type.StartsWith(Extensions, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
