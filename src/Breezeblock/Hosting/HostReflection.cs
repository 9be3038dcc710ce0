using System.Diagnostics.CodeAnalysis;

namespace Breezeblock;

/// <summary>
/// Everything about host types and functions that reflects over .NET types at run time, reached only
/// through <see cref="ConfigOptions.AddHostModule"/>, which creates it and carries the trimming and
/// NativeAOT annotations for it. The engine calls it through this interface, so an application that
/// registers no host module (the native <c>breezeblock</c> among them) keeps none of that code.
/// </summary>
internal interface IHostReflection
{
    /// <summary>The Python modules for the registered builders.</summary>
    IHostModules CreateModules(IReadOnlyList<HostModuleBuilder> builders);

    /// <summary>Stubs for <c>breezeblock</c> and every host module; the files written.</summary>
    IReadOnlyList<string> WriteStubs(string directory, IReadOnlyList<HostModuleBuilder> builders);

    /// <summary>Runs the host function an isolated worker's config code called; the answer to send back.</summary>
    Dictionary<string, object?> AnswerCall(IReadOnlyList<HostModuleBuilder> builders, DataFields call, PlainData plain);

    /// <summary>In the worker: a host function's answer bound to its return type.</summary>
    object? BindReturn(object? value, Type type);
}

/// <inheritdoc cref="IHostReflection"/>
[RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
[RequiresDynamicCode(Messages.HostTypesNeedReflection)]
internal sealed class HostReflection : IHostReflection
{
    public static readonly HostReflection Instance = new();

    public IHostModules CreateModules(IReadOnlyList<HostModuleBuilder> builders) => new HostModules(builders);

    public IReadOnlyList<string> WriteStubs(string directory, IReadOnlyList<HostModuleBuilder> builders) => StubWriter.Write(directory, builders);

    public Dictionary<string, object?> AnswerCall(IReadOnlyList<HostModuleBuilder> builders, DataFields call, PlainData plain) => HostCalls.Answer(builders, call, plain);

    public object? BindReturn(object? value, Type type) => DataBinder.Bind(value, type, "$");
}
