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
        if (!Types.Contains(type))
        {
            Types.Add(type);
        }
        return this;
    }

    /// <summary>
    /// Adds every public class, struct, record and enum of <paramref name="assembly"/> in
    /// <paramref name="namespaceName"/> (that namespace only, not those below it; every namespace when null)
    /// that <paramref name="where"/> accepts: a library's model types in one call
    /// (<c>AddTypes(typeof(V1Deployment).Assembly, "k8s.Models")</c>). Abstract and generic types,
    /// attributes, exceptions and JSON converters are not candidates; a candidate with no Python form
    /// is not added and is listed in <see cref="SkippedTypes"/> with the reason.
    /// </summary>
    /// <exception cref="ArgumentException">No type of the namespace could be added.</exception>
    [RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
    [RequiresDynamicCode(Messages.HostTypesNeedReflection)]
    public HostModuleBuilder AddTypes(System.Reflection.Assembly assembly, string? namespaceName = null, Func<Type, bool>? where = null)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var added = 0;
        foreach (var type in assembly.GetExportedTypes().Where(t => (namespaceName is null || t.Namespace == namespaceName) && IsCandidate(t) && (where?.Invoke(t) ?? true)).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            try
            {
                AddType(type);
                added++;
            }
            catch (ArgumentException e)
            {
                _skipped.Add(new SkippedHostType(type, e.Message));
            }
        }
        return added > 0 ? this : throw new ArgumentException(Messages.NoTypesAdded(assembly.GetName().Name ?? "", namespaceName, _skipped.Select(t => t.Reason).FirstOrDefault()));
    }

    /// <summary>The types <see cref="AddTypes"/> found but could not add, with why.</summary>
    public IReadOnlyList<SkippedHostType> SkippedTypes => _skipped;

    private readonly List<SkippedHostType> _skipped = [];

    private static bool IsCandidate(Type type) =>
        !type.IsAbstract && !type.IsInterface && !type.ContainsGenericParameters && !type.IsGenericType
        && (type.IsClass || type.IsValueType)
        && !typeof(Attribute).IsAssignableFrom(type) && !typeof(Exception).IsAssignableFrom(type) && !typeof(Delegate).IsAssignableFrom(type)
        && !typeof(System.Text.Json.Serialization.JsonConverter).IsAssignableFrom(type);

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

/// <summary>A type <see cref="HostModuleBuilder.AddTypes"/> did not add, and why (the same message <see cref="HostModuleBuilder.AddType(Type)"/> would throw).</summary>
public sealed record SkippedHostType(Type Type, string Reason);
