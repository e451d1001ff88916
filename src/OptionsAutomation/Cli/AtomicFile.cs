using System.Text;

namespace OptionsAutomation.Cli;

/// <summary>
/// Writes a file under a temporary name beside the target (<c>.partial</c>) and renames it over the target: an
/// interrupted write (Ctrl+C, a crash, a full disk) never leaves a half-written file under the name asked for.
/// </summary>
internal static class AtomicFile
{
    public static void WriteText(string path, string text) =>
        Write(path, temporary => File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)));

    public static void WriteBytes(string path, byte[] bytes) => Write(path, temporary => File.WriteAllBytes(temporary, bytes));

    private static void Write(string path, Action<string> writeTemporary)
    {
        var target = Path.GetFullPath(path);
        var temporary = target + ".partial";
        try
        {
            writeTemporary(temporary);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
