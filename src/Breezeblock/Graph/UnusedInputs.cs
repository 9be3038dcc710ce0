namespace Breezeblock;

/// <summary>
/// Inputs that no config and no parameter is named after: a typo, most likely, that would otherwise
/// be ignored without a word. Reported with the nearest parameter or config name.
/// </summary>
internal static class UnusedInputs
{
    /// <param name="inputs">The inputs given.</param>
    /// <param name="functions">The configs.</param>
    /// <param name="unavailable">Configs of modules that failed to load: an input may be named after one.</param>
    public static List<ConfigError> Find(ICollection<string> inputs, IEnumerable<ConfigFunction> functions, UnavailableConfigs? unavailable = null)
    {
        if (inputs.Count == 0)
        {
            return []; // most folders: nothing to index the names for
        }
        var configs = new Dictionary<string, ConfigFunction>(StringComparer.Ordinal);
        var parameters = new Dictionary<string, ConfigFunction>(StringComparer.Ordinal);
        foreach (var function in functions)
        {
            configs.TryAdd(function.Name, function);
            foreach (var parameter in function.Parameters)
            {
                parameters.TryAdd(parameter.Name, function);
            }
        }
        var errors = new List<ConfigError>();
        foreach (var input in inputs.Order(StringComparer.Ordinal))
        {
            if (configs.ContainsKey(input) || parameters.ContainsKey(input) || unavailable?.Contains(input) == true)
            {
                continue;
            }
            var names = parameters.Keys.Union(configs.Keys).Order(StringComparer.Ordinal).ToList();
            var suggestion = Suggestions.Nearest(input, names);
            var hint = suggestion is null
                ? Messages.UnusedInputHint(names)
                : parameters.TryGetValue(suggestion, out var function)
                    ? Messages.DidYouMeanParameter(suggestion, function.Name, function.Location)
                    : Messages.DidYouMeanConfig(suggestion, configs[suggestion].Location);
            errors.Add(new ConfigError(ConfigErrorKind.UnusedInput, Messages.UnusedInput(input), null) { Hint = hint, Input = input, Suggestion = suggestion });
        }
        return errors;
    }
}
