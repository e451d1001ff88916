using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using OptionsAutomation.Infrastructure;

namespace OptionsAutomation.Hosting.Settings;

/// <summary>
/// Checks the configuration against <see cref="SettingsSchema"/> before anything binds it, so a wrong setting is
/// refused with its key, its value, where it came from and what is expected — not a binder stack trace, and not
/// silently ignored (a misspelt key would otherwise leave the default in force while the user believes it changed).
/// </summary>
internal static class SettingsCheck
{
    /// <exception cref="InvalidConfigurationException">naming every bad key.</exception>
    public static void Validate(IConfiguration configuration)
    {
        var problems = new List<string>();
        foreach (var section in configuration.GetChildren())
        {
            // Sections we bind nowhere (Logging, Serilog, ConnectionStrings, every environment variable) are not ours to judge.
            if (SettingsSchema.Root.Children.TryGetValue(section.Key, out var node))
            {
                Check(section, node, configuration as IConfigurationRoot, problems);
            }
            else if (section.Value is null && KeySuggestion.Nearest(section.Key, SettingsSchema.Root.Children.Keys) is { } meant)
            {
                // A section with keys (not a lone environment variable) named almost like one of ours: its settings would be ignored.
                problems.Add($"{section.Key}{Source(configuration as IConfigurationRoot, FirstLeaf(section))} is not a section of settings; did you mean {meant}?");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidConfigurationException(problems);
        }
    }

    private static void Check(IConfigurationSection section, SettingsNode node, IConfigurationRoot? root, List<string> problems)
    {
        switch (node)
        {
            case SettingsNode.Value value when section.Value is { } text && !Converts(value.Type, text):
                problems.Add($"{section.Path} = '{text}'{Source(root, section.Path)}: expected {Expected(value.Type)}{Example(value)}.");
                break;
            case SettingsNode.Map map:
                foreach (var child in section.GetChildren())
                {
                    Check(child, map.Item, root, problems);
                }

                break;
            case SettingsNode.List list:
                foreach (var child in section.GetChildren())
                {
                    Check(child, list.Item, root, problems);
                }

                break;
            case SettingsNode.Object known:
                foreach (var child in section.GetChildren())
                {
                    if (known.Children.TryGetValue(child.Key, out var childNode))
                    {
                        Check(child, childNode, root, problems);
                    }
                    else
                    {
                        problems.Add(Unknown(section.Path, child, known, root));
                    }
                }

                break;
        }
    }

    private static string Unknown(string parent, IConfigurationSection child, SettingsNode.Object known, IConfigurationRoot? root)
    {
        var said = $"{child.Path}{Source(root, FirstLeaf(child))} is not a setting";
        return KeySuggestion.Nearest(child.Key, known.Children.Keys) is { } meant
            ? $"{said}; did you mean {parent}:{meant}?"
            : $"{said}; {parent} has {string.Join(", ", known.Children.Keys.Order(StringComparer.Ordinal))}.";
    }

    /// <summary>The binder's conversion: the type's TypeConverter on invariant text; empty is null for a nullable.</summary>
    private static bool Converts(Type type, string text)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return text.Length == 0 || Converts(inner, text);
        }

        if (type == typeof(string))
        {
            return true;
        }

        try
        {
            return TypeDescriptor.GetConverter(type).ConvertFromInvariantString(text) is not null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException or InvalidOperationException)
        {
            return false;
        }
    }

    private static string Expected(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t switch
        {
            _ when t.IsEnum => $"one of {string.Join(", ", Enum.GetNames(t))}",
            _ when t == typeof(bool) => "true or false",
            _ when t == typeof(int) || t == typeof(long) || t == typeof(short) => "a whole number",
            _ when t == typeof(decimal) || t == typeof(double) || t == typeof(float) => "a number (a dot for decimals)",
            _ when t == typeof(TimeSpan) => "a duration (hh:mm:ss)",
            _ when t == typeof(DateTimeOffset) || t == typeof(DateTime) => "an ISO 8601 instant (2026-01-02T14:30:00Z)",
            _ when t == typeof(DateOnly) => "a date (YYYY-MM-DD)",
            _ when t == typeof(Uri) => "a URL",
            _ => $"a {t.Name}",
        };
    }

    private static string Example(SettingsNode.Value value) => value.Example switch
    {
        null or "" => "",
        bool b => b ? " (the default is true)" : " (the default is false)",
        IFormattable f => $" (the default is {f.ToString(null, CultureInfo.InvariantCulture)})",
        var other => $" (the default is {other})",
    };

    /// <summary>Where a key's value came from, so the user knows what to edit; nothing when it cannot be told.</summary>
    private static string Source(IConfigurationRoot? root, string path)
    {
        var provider = root?.Providers.Reverse().FirstOrDefault(p => p.TryGet(path, out _));
        return provider switch
        {
            CommandLineConfigurationProvider => $" (command line --{path})",
            EnvironmentVariablesConfigurationProvider => $" (environment variable {path.Replace(":", "__", StringComparison.Ordinal)})",
            JsonConfigurationProvider json => $" ({json.Source.Path})",
            _ => "",
        };
    }

    /// <summary>A key with a value under <paramref name="section"/> (itself, if it has one): sources know keys, not sections.</summary>
    private static string FirstLeaf(IConfigurationSection section) =>
        section.Value is not null ? section.Path : section.GetChildren().Select(FirstLeaf).FirstOrDefault() ?? section.Path;
}
