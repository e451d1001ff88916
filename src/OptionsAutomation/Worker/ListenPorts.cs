using System.Net;
using System.Net.Sockets;
using OptionsAutomation.Infrastructure;
using OptionsAutomation.Web;

namespace OptionsAutomation.Worker;

/// <summary>
/// Checks, before the worker says it is ready, that every address of <c>Service:Urls</c> can be listened on: a busy
/// port would otherwise surface as Kestrel's traces after "Worker ready". A port taken between this check and
/// Kestrel's bind still fails the start (the host's own error), only less kindly.
/// </summary>
internal static class ListenPorts
{
    /// <exception cref="InvalidConfigurationException">naming the busy address and how to choose another.</exception>
    public static void EnsureFree(ServiceSettings service)
    {
        foreach (var url in service.UrlList)
        {
            // Kestrel reads "*" and "+" as any address; Uri does not parse them.
            var uri = new Uri(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal));
            var address = IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed) ? parsed
                : uri.IsLoopback ? IPAddress.Loopback
                : null;
            if (address is null || uri.Port == 0)
            {
                continue; // a host name Kestrel resolves itself, or a port chosen by the system: nothing to probe
            }

            var listener = new TcpListener(address, uri.Port);
            try
            {
                listener.Start();
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
            {
                var why = e.SocketErrorCode == SocketError.AddressAlreadyInUse ? "is already in use (another optauto run?)" : "may not be listened on by this user";
                throw new InvalidConfigurationException([
                    $"port {uri.Port} on {address} {why}: {ServiceSettings.SectionName}:{nameof(ServiceSettings.Urls)} = '{service.Urls}'. " +
                    $"Stop the other process, or choose another port, e.g. --{ServiceSettings.SectionName}:{nameof(ServiceSettings.Urls)}=http://127.0.0.1:{NextPort(uri.Port)} " +
                    $"(or Service__Urls=… in the environment)."]);
            }
            finally
            {
                listener.Stop();
            }
        }
    }

    private static int NextPort(int port) => port < IPEndPoint.MaxPort ? port + 1 : 8006;
}
