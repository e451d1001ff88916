namespace OptionsAutomation.Integration.Tests.Support;

/// <summary>A TCP port free on 127.0.0.1 right now, for a process under test to listen on.</summary>
internal static class LoopbackPort
{
    public static int Free()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
