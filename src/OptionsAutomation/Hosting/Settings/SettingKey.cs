namespace OptionsAutomation.Hosting.Settings;

/// <summary>
/// Whether a configuration path (<c>Section:Key</c>, as in a <c>--Section:Key=value</c> override) names one setting.
/// <see cref="SettingsCheck"/> leaves sections it does not bind alone, which is right for a whole configuration but not
/// for a key someone types to vary: a key that is not a setting would change nothing, so it is refused, with the
/// nearest known name when there is one.
/// </summary>
internal static class SettingKey
{
    /// <summary>Null when <paramref name="path"/> names a value; otherwise what is wrong with it.</summary>
    public static string? Problem(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        SettingsNode node = SettingsSchema.Root;
        var walked = "";
        foreach (var part in path.Split(':'))
        {
            if (part.Length == 0)
            {
                return $"{path} is not a setting (an empty part between colons).";
            }

            switch (node)
            {
                case SettingsNode.Object known when known.Children.TryGetValue(part, out var child):
                    node = child;
                    break;
                case SettingsNode.Object known:
                    var place = walked.Length == 0 ? "a section of settings" : "a setting";
                    var name = walked.Length == 0 ? part : $"{walked}:{part}";
                    return KeySuggestion.Nearest(part, known.Children.Keys) is { } meant
                        ? $"{name} is not {place}; did you mean {(walked.Length == 0 ? meant : $"{walked}:{meant}")}?"
                        : $"{name} is not {place}; {(walked.Length == 0 ? "the sections are" : $"{walked} has")} {string.Join(", ", known.Children.Keys.Order(StringComparer.Ordinal))}.";
                case SettingsNode.Map map:
                    node = map.Item;
                    break;
                case SettingsNode.List list when int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _):
                    node = list.Item;
                    break;
                case SettingsNode.List:
                    return $"{walked}:{part} is not a setting: {walked} is a list, indexed 0, 1, ….";
                case SettingsNode.Value:
                    return $"{path} is not a setting: {walked} is a value, with no keys under it.";
            }

            walked = walked.Length == 0 ? part : $"{walked}:{part}";
        }

        return node is SettingsNode.Value ? null : $"{path} is a group of settings, not one; name a key under it.";
    }
}
