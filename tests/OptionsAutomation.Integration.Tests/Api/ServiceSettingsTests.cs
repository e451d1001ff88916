using OptionsAutomation.Web;

namespace OptionsAutomation.Integration.Tests.Api;

/// <summary><c>Service:AllowedHosts</c> takes host names only: a port or a scheme would never match a Host header.</summary>
public sealed class ServiceSettingsTests
{
    [Fact]
    public void AllowedHosts_RefusesPortsSchemesAndAnEmptyList_AndAcceptsNamesAndBracketedIPv6()
    {
        Assert.Empty(new ServiceSettings { AllowedHosts = "localhost; 127.0.0.1 ;[::1];optauto.lan;*.example.com" }.Validate());
        Assert.Equal(
            [
                "Service:AllowedHosts takes host names without scheme or port ('[::1]' for IPv6), had 'localhost:8005'.",
                "Service:AllowedHosts takes host names without scheme or port ('[::1]' for IPv6), had 'http://optauto.lan'.",
            ],
            new ServiceSettings { AllowedHosts = "localhost:8005;http://optauto.lan" }.Validate());
        Assert.Equal(
            ["Service:AllowedHosts must name at least one host (e.g. localhost;127.0.0.1;[::1]), had ' ; '."],
            new ServiceSettings { AllowedHosts = " ; " }.Validate());
    }
}
