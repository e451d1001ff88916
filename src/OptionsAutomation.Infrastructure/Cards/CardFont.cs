using SkiaSharp;

namespace OptionsAutomation.Infrastructure.Cards;

/// <summary>
/// The typeface every card is drawn in: DejaVu Sans (Bitstream Vera licence, <c>Cards/Fonts/DejaVuSans-LICENSE.txt</c>)
/// embedded in this assembly. A fresh machine may have no fonts at all, and a system font would make the same card
/// differ between machines; SkiaSharp's no-dependencies native build does not look for system fonts anyway.
/// </summary>
internal static class CardFont
{
    private static readonly Lazy<SKTypeface> Face = new(Load);

    public static SKTypeface Typeface => Face.Value;

    /// <summary>A font of <paramref name="size"/> pixels, drawn the same on every machine (no hinting, no subpixel positions).</summary>
    public static SKFont Of(float size, bool bold = false) => new(Typeface, size)
    {
        Embolden = bold,
        Edging = SKFontEdging.Antialias,
        Hinting = SKFontHinting.None,
        Subpixel = false,
    };

    private static SKTypeface Load()
    {
        using var stream = typeof(CardFont).Assembly.GetManifestResourceStream("OptionsAutomation.Infrastructure.Cards.Fonts.DejaVuSans.ttf")
            ?? throw new InvalidOperationException("The card font (Cards/Fonts/DejaVuSans.ttf) is not embedded in the assembly.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException("The card font could not be read.");
    }
}
