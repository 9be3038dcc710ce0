using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Breezeblock;

/// <summary>
/// <c>copy.copy</c> and <c>copy.deepcopy</c> of host objects, which are .NET objects Python cannot
/// pickle. Both give a new object that is not frozen, so config code can build a variant of an
/// earlier config's result. <c>copy.copy</c> shares what the object holds, as Python's copy does;
/// <c>copy.deepcopy</c> copies every host object, list, array and dictionary reachable from it (a
/// shared or cyclic reference stays shared in the copy), and keeps strings, values, delegates and
/// the framework's own objects as they are.
/// </summary>
[RequiresUnreferencedCode(Messages.HostTypesNeedReflection)]
[RequiresDynamicCode(Messages.HostTypesNeedReflection)]
internal static class HostCopies
{
    private static readonly MethodInfo s_memberwiseClone = typeof(object).GetMethod(nameof(MemberwiseClone), BindingFlags.Instance | BindingFlags.NonPublic)!;

    public static object Shallow(object value) => s_memberwiseClone.Invoke(value, null)!;

    public static object Deep(object value) => Deep(value, new Dictionary<object, object>(ReferenceEqualityComparer.Instance))!;

    private static object? Deep(object? value, Dictionary<object, object> copies)
    {
        if (value is null || value is string || value is Delegate || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return value;
        }
        if (copies.TryGetValue(value, out var copied))
        {
            return copied;
        }
        var type = value.GetType();
        switch (value)
        {
            case Array array:
                var arrayCopy = (Array)array.Clone();
                copies[value] = arrayCopy;
                for (var i = 0; i < array.Length; i++)
                {
                    arrayCopy.SetValue(Deep(array.GetValue(i), copies), i);
                }
                return arrayCopy;
            case IList list when type.GetConstructor(Type.EmptyTypes) is not null:
                var listCopy = (IList)Activator.CreateInstance(type)!;
                copies[value] = listCopy;
                foreach (var item in list)
                {
                    listCopy.Add(Deep(item, copies));
                }
                return listCopy;
            case IDictionary dictionary when type.GetConstructor(Type.EmptyTypes) is not null:
                var dictionaryCopy = (IDictionary)Activator.CreateInstance(type)!;
                copies[value] = dictionaryCopy;
                foreach (DictionaryEntry entry in dictionary)
                {
                    dictionaryCopy.Add(entry.Key, Deep(entry.Value, copies));
                }
                return dictionaryCopy;
        }
        if (!HostTypes.IsHostClassCandidate(type))
        {
            return value; // the framework's own objects (Uri, Version, ...): immutable or not ours to copy
        }
        var copy = Shallow(value);
        copies[value] = copy;
        for (var declaring = type; declaring is not null && declaring != typeof(object); declaring = declaring.BaseType)
        {
            foreach (var field in declaring.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!field.FieldType.IsPrimitive && !field.FieldType.IsEnum && field.FieldType != typeof(string))
                {
                    field.SetValue(copy, Deep(field.GetValue(value), copies));
                }
            }
        }
        return copy;
    }
}
