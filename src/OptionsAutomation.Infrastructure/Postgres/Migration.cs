using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>One <c>NNNN_name.sql</c> file. The checksum is SHA-256 of its text with line endings normalised to LF.</summary>
public sealed partial record Migration(int Version, string Name, string FileName, string Sql, string Checksum)
{
    /// <summary>Reads every migration in <paramref name="directory"/>, ordered by version.</summary>
    /// <exception cref="MigrationException">for a misnamed file or a repeated version.</exception>
    public static IReadOnlyList<Migration> LoadAll(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new MigrationException($"migrations directory '{directory}' does not exist.");
        }

        var migrations = new List<Migration>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.sql"))
        {
            var fileName = Path.GetFileName(path);
            var match = FileNamePattern().Match(fileName);
            if (!match.Success)
            {
                throw new MigrationException($"migration file '{fileName}' is not named NNNN_name.sql.");
            }

            var sql = File.ReadAllText(path);
            migrations.Add(new Migration(
                int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
                match.Groups[2].Value,
                fileName,
                sql,
                ChecksumOf(sql)));
        }

        var repeated = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new MigrationException($"migration version {repeated.Key:D4} is used by {string.Join(" and ", repeated.Select(m => m.FileName))}.");
        }

        return [.. migrations.OrderBy(m => m.Version)];
    }

    public static string ChecksumOf(string sql)
    {
        var normalised = sql.Replace("\r\n", "\n", StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }

    [GeneratedRegex(@"^(\d{4})_([A-Za-z0-9_]+)\.sql$")]
    private static partial Regex FileNamePattern();
}

public sealed class MigrationException(string message) : Exception(message);
