using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Tests.Ledger;

public sealed class PositionSettingsTests
{
    [Fact]
    public void Default_IsFifo()
    {
        var settings = new PositionSettings();

        Assert.Equal(RealizedPnlMethod.Fifo, settings.Method);
        Assert.Empty(settings.Validate());
    }

    [Theory]
    [InlineData("average", RealizedPnlMethod.AverageCost)]
    [InlineData("FIFO", RealizedPnlMethod.Fifo)]
    public void Codes_AreCaseInsensitive(string code, RealizedPnlMethod expected)
    {
        Assert.Equal(expected, new PositionSettings { RealizedPnlMethod = code }.Method);
    }

    [Fact]
    public void UnknownMethod_IsReportedNamingTheKeyAndTheCodes()
    {
        var problems = new PositionSettings { RealizedPnlMethod = "lifo" }.Validate();

        Assert.Equal(["Positions:RealizedPnlMethod must be one of fifo, average, was 'lifo'."], problems);
    }
}
