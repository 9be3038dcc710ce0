using System.Diagnostics.CodeAnalysis;
namespace Breezeblock;

/// <summary>The errors reading a result can raise, shared by Python-backed and data-backed results.</summary>
internal static class ResultErrors
{
    [RequiresUnreferencedCode(Messages.BindingNeedsReflection)]
    [RequiresDynamicCode(Messages.BindingNeedsReflection)]
    public static T Bind<T>(string name, object? data, SourceLocation? location)
    {
        try
        {
            return (T)DataBinder.Bind(SecretText.Reveal.ApplyAll(data), typeof(T), $"$.{name}")!; // bound for the application: secrets as their values
        }
        catch (DataBindingException e)
        {
            throw new ConfigException(new ConfigError(ConfigErrorKind.ConversionError, Messages.CannotBecome(name, typeof(T).Name, e.Message), location) { ConfigName = name });
        }
    }

    public static ConfigError Unrepresentable(string name, UnrepresentableValueException e, SourceLocation? location) =>
        new(ConfigErrorKind.UnrepresentableResult, Messages.Unrepresentable(name, e.Path, e.What), location)
        {
            ConfigName = name,
            Hint = Messages.UnrepresentableHint,
        };

    public static KeyNotFoundException NotEvaluated(string name, IEnumerable<string> evaluated) =>
        new(Messages.NotEvaluated(name, Suggestions.Nearest(name, evaluated)));
}
