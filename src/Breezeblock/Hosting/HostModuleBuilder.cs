using System.Diagnostics.CodeAnalysis;

namespace Breezeblock;

/// <summary>
/// Declares a Python module the application provides: its C# types (constructed, read and set from
/// Python, returned to .NET as themselves) and its functions.
/// <code>
/// options.AddHostModule("myapp", module => module
///     .AddType&lt;Config&gt;()
///     .AddType&lt;Tier&gt;()
///     .AddFunction("secret", (string key) => vault[key]));
/// </code>
/// </summary>
public sealed class HostModuleBuilder
{
    internal HostModuleBuilder(string name) => Name = name;

    /// <summary>The module's name: <c>from NAME import ...</c>.</summary>
    public string Name { get; }

    internal List<Type> Types { get; } = [];

    internal List<(string Name, Delegate Function)> Functions { get; } = [];

    /// <summary>
    /// Adds a class, struct, record or enum. Its public properties become attributes (snake_case),
    /// its enum members UPPER_SNAKE. Types its properties use (nested classes, enums) are added too.
    /// </summary>
    /// <exception cref="ArgumentException">The type, or one of its properties, has no Python form; the message says which.</exception>
    [RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
    [RequiresDynamicCode(Messages.HostTypesNeedReflection)]
    public HostModuleBuilder AddType<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] T>() => AddType(typeof(T));

    /// <inheritdoc cref="AddType{T}"/>
    [RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
    [RequiresDynamicCode(Messages.HostTypesNeedReflection)]
    public HostModuleBuilder AddType([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        HostTypes.Model(type); // validates now, so a mistake shows at startup, not at the first evaluation
        Types.Add(type);
        return this;
    }

    /// <summary>
    /// Adds a function. Its parameters take positional or keyword arguments (keywords by the
    /// parameter's snake_case name), with their types converted as for host types. A .NET exception
    /// it throws is raised in Python at the calling line.
    /// </summary>
    [RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
    [RequiresDynamicCode(Messages.HostTypesNeedReflection)]
    public HostModuleBuilder AddFunction(string name, Delegate function)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(function);
        HostFunction.Validate(name, function);
        Functions.Add((name, function));
        return this;
    }
}
