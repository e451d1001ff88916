namespace OptionsAutomation.Integration.Tests.Browser;

/// <summary>
/// A fact that drives Debian's Chromium. Where it is not installed the test is skipped and says how to get it
/// (scripts/test.sh installs it when it can), rather than failing on a machine that cannot run a browser.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(DashboardBrowser.ChromiumPath))
        {
            Skip = $"{DashboardBrowser.ChromiumPath} is missing: apt-get install -y chromium (scripts/test.sh installs it where it can)";
        }
    }
}
